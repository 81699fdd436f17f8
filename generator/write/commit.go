package write

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
)

// Commit finishes the build: it writes the ownership marker, carries over
// the files of the old output directory that playbook did not generate, and
// swaps the staging directory in place of the output directory. On any
// error the output directory is left as it was and no temporary directory
// remains.
func (s *Staging) Commit() (Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed != nil {
		return Stats{}, s.closed
	}
	s.closed = ErrClosed
	s.stop()
	if err := context.Cause(s.ctx); err != nil {
		s.closed = err
		return Stats{}, errors.Join(err, s.removeStage())
	}
	if err := s.prepare(); err != nil {
		return Stats{}, errors.Join(err, s.removeStage())
	}
	hook("prepared")
	stats := Stats{Files: int(s.files.Load()), Bytes: s.bytes.Load()}
	return stats, s.swap()
}

// prepare completes the staging tree. It scans dest again because files
// may have been added to it since Open, and they must not be lost.
func (s *Staging) prepare() error {
	st, err := scanDest(s.fs, s.dest, s.shown)
	if err != nil {
		return err
	}
	s.destExists = st.exists
	generated := s.reg.sorted()
	if err := s.checkClashes(generated, st.user); err != nil {
		return err
	}
	if err := s.carry(st.user); err != nil {
		return err
	}
	marker := filepath.Join(s.stage, MarkerName)
	if err := s.fs.WriteFile(marker, formatMarker(generated), 0o644); err != nil {
		return fmt.Errorf("cannot write the ownership marker into %s: %w", s.shown, err)
	}
	return nil
}

// checkClashes reports every generated file that would replace a user's.
func (s *Staging) checkClashes(generated []string, u userIndex) error {
	var errs []error
	for _, p := range generated {
		if other, ok := u.clash(p); ok {
			errs = append(errs, collisionProblem(s.shown, p, other))
		}
	}
	return errors.Join(errs...)
}

// swap puts the staging directory in place of dest: rename dest aside,
// rename staging to dest, remove the old one. If the second rename fails,
// the old one is renamed back. The renames run under lockParent, so the
// next build's recovery never sees them half done by a live build; one
// killed between them is undone by that recovery.
func (s *Staging) swap() error {
	unlock := lockParent(s.fs, s.dest)
	err := s.fs.RemoveAll(filepath.Join(s.stage, StagingMarkerName))
	s.unlock()
	if err != nil {
		unlock()
		return errors.Join(fmt.Errorf("cannot publish the new site to %s: %w", s.shown, err), s.removeStage())
	}
	if !s.destExists {
		err := s.fs.Rename(s.stage, s.dest)
		unlock()
		if err != nil {
			return errors.Join(fmt.Errorf("cannot publish the new site to %s: %w", s.shown, err), s.removeStage())
		}
		return nil
	}
	_, oldPrefix := siblingPrefixes(s.dest)
	old, err := freeName(s.fs, filepath.Dir(s.dest), oldPrefix)
	if err == nil {
		err = s.fs.Rename(s.dest, old)
	}
	if err != nil {
		unlock()
		return errors.Join(fmt.Errorf("cannot move the previous site in %s aside: %w", s.shown, err), s.removeStage())
	}
	hook("aside")
	if err := s.fs.Rename(s.stage, s.dest); err != nil {
		err = s.restore(old, err)
		unlock()
		return errors.Join(err, s.removeStage())
	}
	unlock()
	hook("swapped")
	if err := removeOwned(s.fs, old, MarkerName); err != nil {
		return fmt.Errorf("the new site is in %s, but the previous one could not be removed from %s: %w; delete that folder", s.shown, old, err)
	}
	return nil
}

// restore puts the previous site back after the new one failed to move in.
func (s *Staging) restore(old string, cause error) error {
	if err := s.fs.Rename(old, s.dest); err != nil {
		return fmt.Errorf("cannot publish the new site to %s (%w), nor put the previous one back (%v): it is now in %s; rename that folder to %s",
			s.shown, cause, err, old, s.dest)
	}
	return fmt.Errorf("cannot publish the new site to %s, the previous one was kept: %w", s.shown, cause)
}
