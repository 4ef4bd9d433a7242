// latency.go adds latency to the requests of one scope: they go to the API server over
// connections of their own whose every chunk from the server passes a delay line, while the
// requests of everyone else take the direct ones.
package main

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

type latencyRule struct {
	scope
	Ms        int64        `json:"ms"`
	delay     atomic.Int64 // nanoseconds, read by the rule's delay lines
	transport *http.Transport
}

type latencyList struct {
	mu    sync.Mutex
	rules []*latencyRule
}

// set adds the rule, changes the delay of the rule with the same scope, or with 0 ms removes
// that rule. newTransport makes the connections of a new rule.
func (l *latencyList) set(r *latencyRule, newTransport func(*atomic.Int64) *http.Transport) error {
	if !r.client() {
		return errUnscoped
	}
	if r.Ms < 0 {
		return errNegativeLatency
	}
	if err := r.compile(); err != nil {
		return err
	}
	delay := int64(time.Duration(r.Ms) * time.Millisecond)
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, old := range l.rules {
		if !old.same(&r.scope) {
			continue
		}
		old.delay.Store(delay)
		if delay == 0 {
			l.rules = append(l.rules[:i], l.rules[i+1:]...)
			old.transport.CloseIdleConnections()
		} else {
			old.Ms = r.Ms
		}
		return nil
	}
	if delay == 0 {
		return nil
	}
	r.delay.Store(delay)
	r.transport = newTransport(&r.delay)
	l.rules = append(l.rules, r)
	return nil
}

func (l *latencyList) match(r request) *latencyRule {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, rule := range l.rules {
		if rule.matches(r) {
			return rule
		}
	}
	return nil
}

// latencyView is a rule as the control API shows it.
type latencyView struct {
	scope
	Ms int64 `json:"ms"`
}

func (l *latencyList) list() []latencyView {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]latencyView, 0, len(l.rules))
	for _, r := range l.rules {
		out = append(out, latencyView{scope: r.scope, Ms: r.Ms})
	}
	return out
}

var errNegativeLatency = errors.New("latency must not be negative")

type latencyKey struct{}

// routed sends a request over its latency rule's connections, if it has one.
type routed struct {
	direct http.RoundTripper
}

func (t routed) RoundTrip(r *http.Request) (*http.Response, error) {
	if rule, ok := r.Context().Value(latencyKey{}).(*latencyRule); ok {
		return rule.transport.RoundTrip(r)
	}
	return t.direct.RoundTrip(r)
}

func withLatency(ctx context.Context, rule *latencyRule) context.Context {
	if rule == nil {
		return ctx
	}
	return context.WithValue(ctx, latencyKey{}, rule)
}
