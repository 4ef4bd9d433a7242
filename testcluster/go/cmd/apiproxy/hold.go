// hold.go keeps requests from the API server until the test lets them go, so that a test can
// act at an exact point of a client's work: wait until the client's request is held, do
// something (signal the client, read the cluster), then release it or never let it through.
package main

import (
	"context"
	"errors"
	"sync"
	"time"
)

const defaultHoldTimeout = 60 * time.Second

// hold catches the next Count requests in its scope. A caught request waits until the hold
// is released or it has waited TimeoutMs, then goes on to the API server; when its client
// goes away first it is never sent.
type hold struct {
	scope
	Count     int    `json:"count"`
	TimeoutMs int64  `json:"timeoutMs"`
	ID        uint64 `json:"id"`
	caught    []*entry
	waiting   int           // caught requests that wait now
	released  chan struct{} // closed by release
}

func (h *hold) timeout() time.Duration {
	if h.TimeoutMs <= 0 {
		return defaultHoldTimeout
	}
	return time.Duration(h.TimeoutMs) * time.Millisecond
}

type holdSet struct {
	mu      sync.Mutex
	next    uint64
	all     map[uint64]*hold // released ones too, so that a late wait still answers
	active  []*hold          // in the order they were made; the first that matches catches
	changed chan struct{}    // closed, and replaced, whenever a hold catches a request
}

var errNoHold = errors.New("no such hold")

func (s *holdSet) add(h *hold) (uint64, error) {
	if err := h.compile(); err != nil {
		return 0, err
	}
	if h.Count <= 0 {
		h.Count = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.all == nil {
		s.all = map[uint64]*hold{}
		s.changed = make(chan struct{})
	}
	s.next++
	h.ID = s.next
	h.released = make(chan struct{})
	s.all[h.ID] = h
	s.active = append(s.active, h)
	return h.ID, nil
}

// catch takes the request into the first active hold that matches and has room, if any.
func (s *holdSet) catch(r request, e *entry) *hold {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, h := range s.active {
		if len(h.caught) < h.Count && h.matches(r) {
			e.markHeld()
			h.caught = append(h.caught, e)
			h.waiting++
			close(s.changed)
			s.changed = make(chan struct{})
			return h
		}
	}
	return nil
}

// await keeps a caught request until its hold is released or times out (true: send it on) or
// its client goes away (false).
func (s *holdSet) await(ctx context.Context, h *hold) bool {
	timer := time.NewTimer(h.timeout())
	defer timer.Stop()
	defer func() {
		s.mu.Lock()
		h.waiting--
		s.mu.Unlock()
	}()
	select {
	case <-h.released:
		return true
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// wait returns the requests hold id caught once it caught n of them, or what it caught when
// ctx ends first (with ctx's error).
func (s *holdSet) wait(ctx context.Context, id uint64, n int) ([]*entry, error) {
	for {
		s.mu.Lock()
		h, ok := s.all[id]
		if !ok {
			s.mu.Unlock()
			return nil, errNoHold
		}
		caught := append([]*entry(nil), h.caught...)
		changed := s.changed
		s.mu.Unlock()
		if len(caught) >= n {
			return caught, nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return caught, ctx.Err()
		}
	}
}

// release lets the requests of hold id go on and stops it catching more; it returns how many
// were waiting.
func (s *holdSet) release(id uint64) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h, ok := s.all[id]
	if !ok {
		return 0, errNoHold
	}
	for i, a := range s.active {
		if a == h {
			s.active = append(s.active[:i], s.active[i+1:]...)
			close(h.released)
			break
		}
	}
	return h.waiting, nil
}
