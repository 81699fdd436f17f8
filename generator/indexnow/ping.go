package indexnow

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// MaxBatch is the protocol's limit of URLs in one request.
const MaxBatch = 10000

// DefaultEndpoint is the shared endpoint, which passes the URLs on to
// every search engine taking part.
const DefaultEndpoint = "https://api.indexnow.org/indexnow"

// Request is what one ping sends.
type Request struct {
	Host        string   `json:"host"`
	Key         string   `json:"key"`
	KeyLocation string   `json:"keyLocation"`
	URLList     []string `json:"urlList"`
}

// Client posts URL lists to an endpoint.
type Client struct {
	HTTP     *http.Client
	Endpoint string
	Key      string
	BaseURL  string // the site's base URL: host and key location come from it
	Batch    int    // URLs a request; 0 means MaxBatch
}

// BatchError is one batch the endpoint did not accept.
type BatchError struct {
	First, Last int // 1-based positions of the batch's URLs in the list
	Status      int // 0 when no response came
	Err         string
}

// Error implements error, saying what the status means and what to do.
func (e *BatchError) Error() string {
	what := fmt.Sprintf("URLs %d–%d were not accepted", e.First, e.Last)
	if e.First == e.Last {
		what = fmt.Sprintf("URL %d was not accepted", e.First)
	}
	if e.Status == 0 {
		return fmt.Sprintf("%s: %s — check the network and the indexnow endpoint in the site config, then run playbook ping again", what, e.Err)
	}
	return fmt.Sprintf("%s: %d %s — %s", what, e.Status, http.StatusText(e.Status), statusFix(e.Status))
}

func statusFix(status int) string {
	switch status {
	case http.StatusBadRequest:
		return "the request is invalid; check indexnow.key (8 to 128 letters, digits or dashes) and base_url"
	case http.StatusForbidden:
		return "the key was not found at its location; deploy the site (with its key file) before running playbook ping"
	case http.StatusUnprocessableEntity:
		return "the URLs do not belong to the key's host; check base_url"
	case http.StatusTooManyRequests:
		return "the endpoint asks to slow down; run playbook ping again later"
	}
	return "the endpoint refused the batch; run playbook ping again later"
}

// Send posts urls in batches and returns those the endpoint accepted (200
// or 202) and an error for each batch it did not. A failed batch does not
// stop the next: each is independent.
func (c *Client) Send(ctx context.Context, urls []string) (accepted []string, errs []error) {
	size := c.Batch
	if size <= 0 || size > MaxBatch {
		size = MaxBatch
	}
	base, err := url.Parse(c.BaseURL)
	if err != nil {
		return nil, []error{err}
	}
	for start := 0; start < len(urls); start += size {
		batch := urls[start:min(start+size, len(urls))]
		req := Request{Host: base.Host, Key: c.Key, KeyLocation: strings.TrimSuffix(c.BaseURL, "/") + "/" + c.Key + ".txt", URLList: batch}
		if status, err := c.post(ctx, req); err != nil || (status != http.StatusOK && status != http.StatusAccepted) {
			be := &BatchError{First: start + 1, Last: start + len(batch), Status: status}
			if err != nil {
				be.Err = err.Error()
			}
			errs = append(errs, be)
			if ctx.Err() != nil {
				break
			}
			continue
		}
		accepted = append(accepted, batch...)
	}
	return accepted, errs
}

func (c *Client) post(ctx context.Context, r Request) (int, error) {
	body, err := json.Marshal(r)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Endpoint, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	client := c.HTTP
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	return resp.StatusCode, nil
}

// ValidKey reports whether key is what the protocol allows: 8 to 128
// characters, letters, digits and dashes.
func ValidKey(key string) bool {
	if len(key) < 8 || len(key) > 128 {
		return false
	}
	for _, r := range key {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
