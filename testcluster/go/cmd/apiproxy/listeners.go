// listeners.go opens client listeners of their own, one per test that asks: every connection
// accepted there has the listener's latency on everything the proxy sends it, the TLS
// handshake included, so a new connection costs what it costs against a distant cluster and
// a reused one does not. They are served like the main port: the same handler, request log,
// faults, holds and drops.
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"
)

type listenerSet struct {
	mu  sync.Mutex
	all map[string]net.Listener // by address
}

var errNoListener = errors.New("no such listener")

// serve accepts clients on raw until it closes: tracked (so they can be dropped), behind a
// delay line of latency if there is one, then TLS.
func (p *proxy) serve(raw net.Listener, latency time.Duration) error {
	ln := p.conns.track(raw)
	if latency > 0 {
		ln = delayListener{Listener: ln, latency: latency}
	}
	return p.server.Serve(tls.NewListener(ln, p.serving))
}

// openListener starts a listener with latency on a free port of the main port's host and
// returns its address.
func (p *proxy) openListener(latency time.Duration) (string, error) {
	if latency < 0 {
		return "", errors.New("latency must not be negative")
	}
	raw, err := net.Listen("tcp", net.JoinHostPort(p.host, "0"))
	if err != nil {
		return "", err
	}
	addr := raw.Addr().String()
	p.listeners.mu.Lock()
	if p.listeners.all == nil {
		p.listeners.all = map[string]net.Listener{}
	}
	p.listeners.all[addr] = raw
	p.listeners.mu.Unlock()
	go func() { _ = p.serve(raw, latency) }()
	return addr, nil
}

// closeListener stops the listener at addr and closes the connections it accepted; it
// returns how many.
func (p *proxy) closeListener(addr string) (int, error) {
	p.listeners.mu.Lock()
	raw, ok := p.listeners.all[addr]
	delete(p.listeners.all, addr)
	p.listeners.mu.Unlock()
	if !ok {
		return 0, errNoListener
	}
	_ = raw.Close()
	return p.conns.closeWhere(func(c *trackedConn) bool { return c.listener == addr }), nil
}

type latencyKey struct{}

// connContext notes the latency of a client's connection, for the request log.
func connContext(ctx context.Context, c net.Conn) context.Context {
	if t, ok := c.(*tls.Conn); ok {
		if d, ok := t.NetConn().(*delayConn); ok {
			return context.WithValue(ctx, latencyKey{}, d.latency)
		}
	}
	return ctx
}

// latencyOf is the latency of the connection a request came over.
func latencyOf(r *http.Request) time.Duration {
	d, _ := r.Context().Value(latencyKey{}).(time.Duration)
	return d
}
