package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"

	"playbook/generator/incremental"
	"playbook/generator/pipeline"
	"playbook/generator/watch"
)

// Options are what `playbook serve` takes.
type Options struct {
	Source string // site folder; "" is the current folder
	Bind   string // address to listen on; "" is 127.0.0.1
	Port   int    // 0 picks a free port
	Drafts bool
	// AllowHosts are host names, besides localhost and IP addresses, that
	// requests may name in their Host header (see hostGuard).
	AllowHosts []string
	// Stdout gets one line per build; Stderr the problems of failed ones.
	Stdout, Stderr io.Writer
	// Watch tunes the file watcher (tests shorten the debounce).
	Watch watch.Options
	// Ready, when set, is called with the site's URL once the first build
	// is served.
	Ready func(url string)
	// Now fixes the build time (tests); zero is the clock.
	Now time.Time
}

// Run builds the site, serves it and rebuilds it on every change until
// ctx is cancelled, then shuts down cleanly: requests in flight finish,
// event streams end, the watcher closes. It returns an error only when
// serving cannot start (the port is taken, the folder cannot be read);
// broken content is shown in the browser instead.
func Run(ctx context.Context, opts Options) error {
	opts = withDefaults(opts)
	ln, err := listen(opts.Bind, opts.Port)
	if err != nil {
		return err
	}
	url := siteURL(opts.Bind, ln.Addr())
	live, err := incremental.NewLive(pipeline.Options{Source: opts.Source, BaseURL: url, Drafts: opts.Drafts, Now: opts.Now,
		CacheDir: pipeline.CacheDir(opts.Source)})
	if err != nil {
		ln.Close()
		return fmt.Errorf("cannot open the site folder: %w", err)
	}
	defer live.Close()
	w, err := watch.New(opts.Source, opts.Watch)
	if err != nil {
		ln.Close()
		return fmt.Errorf("cannot watch %s for changes: %w", opts.Source, err)
	}
	defer w.Close()
	srv := NewServer()
	hs := newHTTPServer(srv, opts.Bind, opts.AllowHosts)
	hs.RegisterOnShutdown(srv.Close)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(limitConns(ln)) }()
	l := &loop{live: live, srv: srv, w: w, opts: opts}
	if err := l.run(ctx, url); err != nil {
		shutdown(hs, served)
		return err
	}
	return shutdown(hs, served)
}

func withDefaults(o Options) Options {
	if o.Source == "" {
		o.Source = "."
	}
	if o.Bind == "" {
		o.Bind = "127.0.0.1"
	}
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
	return o
}

// ErrListen wraps why serve could not listen: the fix is another --port
// or --bind.
var ErrListen = errors.New("cannot listen")

// listen opens the server's socket, saying plainly when the port is taken.
func listen(bind string, port int) (net.Listener, error) {
	addr := net.JoinHostPort(bind, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	switch {
	case err == nil:
		return ln, nil
	case isAddrInUse(err):
		return nil, fmt.Errorf("%w: port %d on %s is already in use (is another playbook serve running?); stop it, or choose another port: --port %d",
			ErrListen, port, bind, port+1)
	}
	return nil, fmt.Errorf("%w on %s: %v; check --bind and --port (ports below 1024 need privileges)", ErrListen, addr, err)
}

func isAddrInUse(err error) bool { return errors.Is(err, syscall.EADDRINUSE) }

// siteURL is the address the site is served at, used as its base URL so
// canonical links and feeds point at the local server. A wildcard bind is
// reached through localhost.
func siteURL(bind string, addr net.Addr) string {
	host := bind
	if ip := net.ParseIP(bind); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	port := strconv.Itoa(addr.(*net.TCPAddr).Port)
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// shutdown stops the server, letting requests in flight finish for up to
// five seconds. Connections still open then (a client that connected but
// never sent its request keeps net/http waiting) are closed: Ctrl-C must
// end serve, not hang it.
func shutdown(hs *http.Server, served <-chan error) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := hs.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		err = hs.Close()
	}
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}
