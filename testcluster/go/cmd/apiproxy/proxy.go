// proxy.go forwards requests to the API server: identity headers from client certificates,
// held requests kept back, injected faults answered locally, withheld WebSocket subprotocols
// taken out of the offer, and an entry in the request log
// for each request (ended once the answer reached the client, past any latency).
package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"time"
)

type proxy struct {
	rp        *httputil.ReverseProxy
	faults    faultList
	withheld  withholdList
	holds     holdSet
	log       requestLog
	conns     connSet
	listeners listenerSet
	server    *http.Server // serves the main port and every listener with latency
	serving   *tls.Config  // the serving certificate, for every port
	host      string       // where listeners with latency listen: the main port's host
}

// newProxy makes a proxy to target whose clients connect with TLS as serving says.
func newProxy(target *url.URL, upstreamTLS, serving *tls.Config) *proxy {
	p := &proxy{serving: serving, host: "127.0.0.1"}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		// Our own TLS dial keeps the transport on HTTP/1.1, which the upgrades of exec and
		// port-forward need.
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			raw, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			cfg := upstreamTLS.Clone()
			cfg.ServerName, _, _ = net.SplitHostPort(addr)
			conn := tls.Client(raw, cfg)
			if err := conn.HandshakeContext(ctx); err != nil {
				raw.Close()
				return nil, err
			}
			return conn, nil
		},
		MaxIdleConnsPerHost: 100,
		IdleConnTimeout:     90 * time.Second,
	}
	p.rp = &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(target)
		},
		Transport:     transport,
		FlushInterval: -1,
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			writeStatus(w, http.StatusBadGateway, "apiproxy: "+err.Error(), 0)
		},
	}
	p.server = &http.Server{
		Handler:     p,
		ConnContext: connContext,
		ErrorLog:    log.New(os.Stderr, "apiproxy: ", log.LstdFlags),
	}
	return p
}

func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req := requestOf(r)
	entry := p.log.begin(r, req)
	rec := &recorder{ResponseWriter: w}
	defer func() { p.log.endAfter(entry, rec.status, latencyOf(r)) }()

	if h := p.holds.catch(req, entry); h != nil {
		// Read the body first: an HTTP/1.1 server notices that the client went away only
		// once the body is read.
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		if !p.holds.await(r.Context(), h) {
			return // the client went away: the request is never sent
		}
	}
	f := p.faults.take(req)
	if f != nil && !f.LoseAnswer {
		entry.markInjected()
		writeStatus(rec, f.Status, f.message(), f.RetryAfterSeconds)
		return
	}
	for name := range r.Header {
		if strings.HasPrefix(strings.ToLower(name), "x-remote-") {
			r.Header.Del(name)
		}
	}
	if r.TLS != nil && len(r.TLS.VerifiedChains) > 0 {
		cert := r.TLS.PeerCertificates[0]
		r.Header.Set("X-Remote-User", cert.Subject.CommonName)
		for _, group := range cert.Subject.Organization {
			r.Header.Add("X-Remote-Group", group)
		}
	}
	p.withheld.apply(r, req)
	if f != nil {
		entry.markInjected()
		p.rp.ServeHTTP(&discard{header: http.Header{}}, r)
		// Breaks the connection (HTTP/1.1) or resets the stream (HTTP/2) with no answer.
		panic(http.ErrAbortHandler)
	}
	p.rp.ServeHTTP(rec, r)
}

// discard is where a lost answer goes.
type discard struct{ header http.Header }

func (d *discard) Header() http.Header         { return d.header }
func (d *discard) Write(b []byte) (int, error) { return len(b), nil }
func (d *discard) WriteHeader(int)             {}

func userOf(r *http.Request) string {
	if r.TLS != nil && len(r.TLS.VerifiedChains) > 0 {
		return r.TLS.PeerCertificates[0].Subject.CommonName
	}
	return ""
}

// recorder notes the status code; Unwrap lets the reverse proxy reach the connection's
// Hijack and Flush through it.
type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
