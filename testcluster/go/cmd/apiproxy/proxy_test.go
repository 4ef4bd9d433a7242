package main

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestFaultsMatchMethodAndPathAndGetUsedUp(t *testing.T) {
	var l faultList
	if err := l.add(&fault{scope: scope{Method: "POST", Path: "^/api/v1/namespaces/[^/]+/secrets$"}, Status: 500, Count: 2}); err != nil {
		t.Fatal(err)
	}
	if l.take(request{method: "GET", path: "/api/v1/namespaces/a/secrets"}) != nil {
		t.Fatal("GET must not match a POST fault")
	}
	for i := 0; i < 2; i++ {
		if f := l.take(request{method: "POST", path: "/api/v1/namespaces/a/secrets"}); f == nil || f.Status != 500 {
			t.Fatalf("match %d: %v", i, f)
		}
	}
	if l.take(request{method: "POST", path: "/api/v1/namespaces/a/secrets"}) != nil {
		t.Fatal("the fault is used up after two matches")
	}
	if err := l.add(&fault{scope: scope{Path: "("}, Status: 500}); err == nil {
		t.Fatal("a bad pattern is refused")
	}
	if err := l.add(&fault{scope: scope{Path: "."}, Status: 200}); err == nil {
		t.Fatal("a success is not a fault")
	}
}

func TestInjectedStatusLooksLikeTheAPIServers(t *testing.T) {
	rec := httptest.NewRecorder()
	writeStatus(rec, 429, "slow down", 3)
	if rec.Code != 429 || rec.Header().Get("Retry-After") != "3" {
		t.Fatalf("code %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	var status map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &status); err != nil {
		t.Fatal(err)
	}
	if status["kind"] != "Status" || status["reason"] != "TooManyRequests" || status["code"] != float64(429) {
		t.Fatalf("status: %v", status)
	}
	details, _ := status["details"].(map[string]any)
	if details["retryAfterSeconds"] != float64(3) {
		t.Fatalf("details: %v", status["details"])
	}
}

func TestDelayLineDelaysEachChunkOnceAndKeepsOrder(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	raw, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	const latency = 150 * time.Millisecond
	d := newDelayConn(raw, latency)
	written := make(chan time.Time, 3)
	go func() {
		for _, s := range []string{"a", "b", "c"} {
			written <- time.Now()
			_, _ = d.Write([]byte(s))
			time.Sleep(50 * time.Millisecond)
		}
		_ = d.Close()
	}()
	var got []byte
	buf := make([]byte, 16)
	for {
		n, err := client.Read(buf)
		now := time.Now()
		for _, b := range buf[:n] {
			got = append(got, b)
			if wait := now.Sub(<-written); wait < latency || wait > 2*latency {
				t.Errorf("%q arrived %v after it was written", b, wait)
			}
		}
		if err != nil {
			break
		}
	}
	// Three chunks 50 ms apart, each delayed 150 ms: about 250 ms in all, not 3 × 150 + 100;
	// the close comes last, after the chunks.
	if string(got) != "abc" {
		t.Fatalf("order: %q", got)
	}
}

func TestProxyAnswersInjectedFaultsAndLogsRequests(t *testing.T) {
	upstream := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Remote-User") != "" {
			t.Errorf("a client without a certificate must not get an identity header")
		}
		_, _ = io.WriteString(w, "from upstream")
	}))
	defer upstream.Close()
	target, _ := http.NewRequest("GET", upstream.URL, nil)
	p := newProxy(target.URL, upstream.Client().Transport.(*http.Transport).TLSClientConfig, nil)
	if err := p.faults.add(&fault{scope: scope{Method: "GET", Path: "^/api$"}, Status: 503, Count: 1}); err != nil {
		t.Fatal(err)
	}

	// Served in the test's goroutine, so the log entry is complete when the answer is.
	get := func() (int, string) {
		req := httptest.NewRequest("GET", "/api", nil)
		req.Header.Set("X-Remote-User", "mallory")
		rec := httptest.NewRecorder()
		p.ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	if code, _ := get(); code != 503 {
		t.Fatalf("first: %d", code)
	}
	if code, body := get(); code != 200 || body != "from upstream" {
		t.Fatalf("second: %d %q", code, body)
	}
	log := p.log.snapshot(&scope{})
	if len(log) != 2 || !log[0].Injected || log[0].Status != 503 || log[1].Injected || log[1].Status != 200 || log[1].End == nil {
		t.Fatalf("log: %+v", log)
	}
}

func TestDropClosesOnlyTheNamedConnection(t *testing.T) {
	raw, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var set connSet
	ln := set.track(raw)
	defer ln.Close()
	dial := func() (client, server net.Conn) {
		client, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		server, err = ln.Accept()
		if err != nil {
			t.Fatal(err)
		}
		return client, server
	}
	keptClient, keptServer := dial()
	droppedClient, dropped := dial()
	if n := set.closeWhere(func(c *trackedConn) bool { return c.RemoteAddr().String() == dropped.RemoteAddr().String() }); n != 1 {
		t.Fatalf("closed %d connections, want 1", n)
	}
	if _, err := droppedClient.Read(make([]byte, 1)); err == nil {
		t.Fatal("the dropped connection still reads")
	}
	if _, err := keptServer.Write([]byte("x")); err != nil {
		t.Fatalf("the other connection was closed too: %v", err)
	}
	if _, err := keptClient.Read(make([]byte, 1)); err != nil {
		t.Fatalf("the other connection was closed too: %v", err)
	}
	if n := set.closeWhere(func(*trackedConn) bool { return false }); n != 0 {
		t.Fatalf("naming no connection closed %d", n)
	}
}

func TestNamespaceOfAPath(t *testing.T) {
	for path, want := range map[string]string{
		"/api/v1/namespaces/a/pods":                   "a",
		"/api/v1/namespaces/a":                        "a",
		"/apis/apps/v1/namespaces/b/statefulsets/x":   "b",
		"/api/v1/namespaces":                          "",
		"/api/v1/nodes":                               "",
		"/apis/devserver.io/v1/devserverflavors":      "",
		"/apis/apps/v1/statefulsets":                  "",
		"/api/v1/namespaces/a/pods/namespaces/c/logs": "a",
	} {
		if got := namespaceOf(path); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
}

func TestScopeMatchesTheClientAndTheNamespace(t *testing.T) {
	s := &scope{Method: "POST", Path: "/configmaps$", User: "carol", Namespace: "a"}
	if err := s.compile(); err != nil {
		t.Fatal(err)
	}
	mine := request{method: "POST", path: "/api/v1/namespaces/a/configmaps", user: "carol", conn: "127.0.0.1:1"}
	if !s.matches(mine) {
		t.Fatal("the request in scope does not match")
	}
	for what, other := range map[string]request{
		"another user":      {method: "POST", path: mine.path, user: "dave"},
		"another namespace": {method: "POST", path: "/api/v1/namespaces/ab/configmaps", user: "carol"},
		"another method":    {method: "GET", path: mine.path, user: "carol"},
		"another path":      {method: "POST", path: "/api/v1/namespaces/a/secrets", user: "carol"},
	} {
		if s.matches(other) {
			t.Errorf("%s matches", what)
		}
	}
	if (&scope{Path: "."}).client() || !(&scope{Conn: "127.0.0.1:1"}).client() {
		t.Fatal("only a user, a namespace or a connection names a client")
	}
}

// front is a proxy in front of an upstream that answers every request with its path and
// counts the requests it got.
func front(t *testing.T) (*proxy, *httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	upstream := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = io.Copy(io.Discard, r.Body)
		_, _ = io.WriteString(w, r.URL.Path)
	}))
	t.Cleanup(upstream.Close)
	target, _ := http.NewRequest("GET", upstream.URL, nil)
	p := newProxy(target.URL, upstream.Client().Transport.(*http.Transport).TLSClientConfig, nil)
	server := httptest.NewServer(p)
	t.Cleanup(server.Close)
	return p, server, &hits
}

func TestRequestLogReadsOneScope(t *testing.T) {
	p, server, _ := front(t)
	for _, ns := range []string{"a", "b", "a"} {
		res, err := http.Get(server.URL + "/api/v1/namespaces/" + ns + "/pods")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
	}
	if got := p.log.snapshot(&scope{Namespace: "a"}); len(got) != 2 || got[0].Path != "/api/v1/namespaces/a/pods" {
		t.Fatalf("namespace a: %+v", got)
	}
	if got := p.log.snapshot(&scope{}); len(got) != 3 {
		t.Fatalf("everything: %+v", got)
	}
}

func TestAHeldRequestWaitsForItsRelease(t *testing.T) {
	p, server, hits := front(t)
	id, err := p.holds.add(&hold{scope: scope{Method: "POST", Path: "/configmaps$", Namespace: "a"}})
	if err != nil {
		t.Fatal(err)
	}
	answered := make(chan string)
	go func() {
		res, err := http.Post(server.URL+"/api/v1/namespaces/a/configmaps", "application/json", strings.NewReader("{}"))
		if err != nil {
			answered <- err.Error()
			return
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		answered <- string(body)
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	caught, err := p.holds.wait(ctx, id, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.log.copies(caught); len(got) != 1 || !got[0].Held || got[0].Method != "POST" || got[0].End != nil {
		t.Fatalf("held: %+v", got)
	}
	if hits.Load() != 0 {
		t.Fatal("the held request reached the server")
	}
	// The hold catches one: the next request in its scope passes.
	res, err := http.Post(server.URL+"/api/v1/namespaces/a/configmaps", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if hits.Load() != 1 {
		t.Fatalf("%d requests reached the server, want the one not held", hits.Load())
	}
	if n, err := p.holds.release(id); err != nil || n != 1 {
		t.Fatalf("release: %d, %v", n, err)
	}
	if body := <-answered; body != "/api/v1/namespaces/a/configmaps" {
		t.Fatalf("answer: %q", body)
	}
	if hits.Load() != 2 {
		t.Fatal("the released request did not reach the server")
	}
	if _, err := p.holds.release(99); err != errNoHold {
		t.Fatalf("an unknown hold: %v", err)
	}
}

func TestAHeldRequestWhoseClientLeftIsNeverSent(t *testing.T) {
	p, _, hits := front(t)
	if _, err := p.holds.add(&hold{scope: scope{Method: "POST"}}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := httptest.NewRequestWithContext(ctx, "POST", "/api/v1/namespaces/a/secrets", strings.NewReader("{}"))
	p.ServeHTTP(httptest.NewRecorder(), r)
	log := p.log.snapshot(&scope{})
	if hits.Load() != 0 || len(log) != 1 || !log[0].Held || log[0].Status != 0 || log[0].End == nil {
		t.Fatalf("hits %d, log %+v", hits.Load(), log)
	}
}

func TestAHoldLetsItsRequestGoAfterItsTimeout(t *testing.T) {
	p, _, hits := front(t)
	if _, err := p.holds.add(&hold{scope: scope{Path: "/pods$"}, TimeoutMs: 50}); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/namespaces/a/pods", nil))
	if rec.Code != 200 || hits.Load() != 1 {
		t.Fatalf("code %d, hits %d", rec.Code, hits.Load())
	}
}

func TestControlAPIWaitsForAHeldRequest(t *testing.T) {
	p, server, _ := front(t)
	control := httptest.NewServer(p.controlHandler())
	defer control.Close()
	call := func(method, path, body string) (int, string) {
		req, _ := http.NewRequest(method, control.URL+path, strings.NewReader(body))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		text, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(text)
	}
	code, text := call("POST", "/holds", `{"method": "GET", "namespace": "a"}`)
	var made struct{ ID uint64 }
	if err := json.Unmarshal([]byte(text), &made); code != 200 || err != nil {
		t.Fatalf("%d %s", code, text)
	}
	wait := fmt.Sprintf("/holds/%d?waitMs=50", made.ID)
	if code, _ := call("GET", wait, ""); code != http.StatusRequestTimeout {
		t.Fatalf("nothing held yet: %d", code)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		res, err := http.Get(server.URL + "/api/v1/namespaces/a/pods")
		if err == nil {
			res.Body.Close()
		}
	}()
	code, text = call("GET", fmt.Sprintf("/holds/%d?waitMs=10000", made.ID), "")
	var held []entry
	if err := json.Unmarshal([]byte(text), &held); code != 200 || err != nil || len(held) != 1 || held[0].Path != "/api/v1/namespaces/a/pods" {
		t.Fatalf("%d %s", code, text)
	}
	if code, text := call("POST", fmt.Sprintf("/holds/%d/release", made.ID), ""); code != 200 || !strings.Contains(text, `"released":1`) {
		t.Fatalf("%d %s", code, text)
	}
	<-done
	if code, _ := call("GET", "/holds/99?waitMs=1", ""); code != http.StatusNotFound {
		t.Fatalf("an unknown hold: %d", code)
	}
	if code, text := call("POST", "/drop", ""); code != http.StatusBadRequest {
		t.Fatalf("a drop for everyone: %d %s", code, text)
	}
}

func TestWaitingForRequestsAnswersOnceTheyEnded(t *testing.T) {
	var l requestLog
	in := &scope{Namespace: "a"}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if found, err := l.waitFor(ctx, in, 1, false); err == nil || len(found) != 0 {
		t.Fatalf("nothing there yet: %v %v", found, err)
	}
	open := l.begin(httptest.NewRequest("POST", "/api/v1/namespaces/a/secrets", nil), request{method: "POST", path: "/api/v1/namespaces/a/secrets"})
	l.begin(httptest.NewRequest("GET", "/api/v1/namespaces/b/pods", nil), request{method: "GET", path: "/api/v1/namespaces/b/pods"})
	done := make(chan []entry)
	go func() {
		found, _ := l.waitFor(context.Background(), in, 1, true)
		done <- found
	}()
	found, err := l.waitFor(context.Background(), in, 1, false)
	if err != nil || len(found) != 1 || found[0].End != nil {
		t.Fatalf("begun: %+v %v", found, err)
	}
	l.end(open, 201)
	if ended := <-done; len(ended) != 1 || ended[0].Status != 201 {
		t.Fatalf("ended: %+v", ended)
	}
}

// tlsFront is a proxy serving TLS on its main port in front of upstream, with a client
// configuration that trusts it (the upstream's test certificate serves both).
func tlsFront(t *testing.T, upstream http.Handler) (p *proxy, main string, client *tls.Config) {
	t.Helper()
	up := httptest.NewTLSServer(upstream)
	t.Cleanup(up.Close)
	target, _ := http.NewRequest("GET", up.URL, nil)
	serving := &tls.Config{Certificates: up.TLS.Certificates, NextProtos: []string{"http/1.1"}}
	p = newProxy(target.URL, up.Client().Transport.(*http.Transport).TLSClientConfig, serving)
	raw, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = p.serve(raw, 0) }()
	t.Cleanup(func() { _ = p.server.Close() })
	roots := x509.NewCertPool()
	roots.AddCert(up.Certificate())
	return p, raw.Addr().String(), &tls.Config{RootCAs: roots, ServerName: "127.0.0.1", NextProtos: []string{"http/1.1"}}
}

// handshake connects to addr and returns the connection and how long the TLS handshake took.
func handshake(t *testing.T, addr string, cfg *tls.Config) (*tls.Conn, time.Duration) {
	t.Helper()
	raw, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	conn := tls.Client(raw, cfg.Clone())
	if err := conn.Handshake(); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Cleanup(func() { _ = conn.Close() })
	return conn, took
}

// streaming answers /watch with a chunked stream and /upgrade with an upgraded connection,
// each three lines 100 ms apart, and sends the time it wrote each line on sent.
func streaming(sent chan<- time.Time) http.Handler {
	lines := func(w io.Writer, flush func()) {
		for i := range 3 {
			sent <- time.Now()
			fmt.Fprintf(w, "line %d\n", i)
			flush()
			time.Sleep(100 * time.Millisecond)
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/upgrade" {
			conn, buf, err := http.NewResponseController(w).Hijack()
			if err != nil {
				return
			}
			defer conn.Close()
			_, _ = buf.WriteString("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: lines\r\n\r\n")
			lines(buf, func() { _ = buf.Flush() })
			return
		}
		lines(w, func() { _ = http.NewResponseController(w).Flush() })
	})
}

func TestAListenerWithLatencyDelaysTheHandshakeAndEachChunkOfAStreamInOrder(t *testing.T) {
	for _, path := range []string{"/watch", "/upgrade"} {
		t.Run(path, func(t *testing.T) {
			sent := make(chan time.Time, 3)
			p, _, cfg := tlsFront(t, streaming(sent))
			const latency = 200 * time.Millisecond
			addr, err := p.openListener(latency)
			if err != nil {
				t.Fatal(err)
			}
			conn, took := handshake(t, addr, cfg)
			// ServerHello and the rest of the server's flight cross once.
			if took < latency || took > 2*latency {
				t.Fatalf("the handshake took %v with %v latency", took, latency)
			}
			req := "GET " + path + " HTTP/1.1\r\nHost: x\r\n"
			if path == "/upgrade" {
				req += "Connection: Upgrade\r\nUpgrade: lines\r\n"
			}
			if _, err := io.WriteString(conn, req+"\r\n"); err != nil {
				t.Fatal(err)
			}
			br := bufio.NewReader(conn)
			res, err := http.ReadResponse(br, nil)
			if err != nil {
				t.Fatal(err)
			}
			body := io.Reader(br)
			if path == "/watch" {
				body = res.Body
			}
			lines := bufio.NewReader(body)
			for i := range 3 {
				line, err := lines.ReadString('\n')
				arrived := time.Now()
				if err != nil || line != fmt.Sprintf("line %d\n", i) {
					t.Fatalf("line %d: %q, %v", i, line, err)
				}
				// Each line pays the latency once: 100 ms apart they arrive, not 200 ms.
				if wait := arrived.Sub(<-sent); wait < latency || wait > latency+latency/2 {
					t.Errorf("line %d arrived %v after it was sent", i, wait)
				}
			}
		})
	}
}

func TestTheMainPortHasNoLatency(t *testing.T) {
	p, main, cfg := tlsFront(t, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "ok")
	}))
	const latency = 500 * time.Millisecond
	if _, err := p.openListener(latency); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	conn, _ := handshake(t, main, cfg)
	if _, err := io.WriteString(conn, "GET /api HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	if took := time.Since(start); took >= latency {
		t.Fatalf("a connection and a request on the main port took %v", took)
	}
}

func TestTheDelayLineKeepsTheThroughputOfALargeResponse(t *testing.T) {
	const size = 64 << 20
	p, main, cfg := tlsFront(t, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		block := make([]byte, 32<<10)
		for range size / len(block) {
			if _, err := w.Write(block); err != nil {
				return
			}
		}
	}))
	const latency = 50 * time.Millisecond
	slow, err := p.openListener(latency)
	if err != nil {
		t.Fatal(err)
	}
	get := func(addr string, timeout time.Duration) time.Duration {
		client := &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}, Timeout: timeout}
		defer client.CloseIdleConnections()
		start := time.Now()
		res, err := client.Get("https://" + addr + "/big")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if n, err := io.Copy(io.Discard, res.Body); n != size || err != nil {
			t.Fatalf("read %d bytes in %v: %v", n, time.Since(start), err)
		}
		return time.Since(start)
	}
	direct := get(main, time.Minute)
	// Two round trips of latency (handshake, request) on top, and room for a busy machine; a
	// delay paid per chunk one after another would take minutes (4096 chunks × 50 ms).
	bound := 3*direct + 2*latency + time.Second
	delayed := get(slow, bound)
	t.Logf("64 MiB: %v on the main port, %v with %v latency", direct, delayed, latency)
}

func TestTheLogEndsARequestOnceItsAnswerReachedTheClient(t *testing.T) {
	p, _, cfg := tlsFront(t, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "ok")
	}))
	const latency = 300 * time.Millisecond
	addr, err := p.openListener(latency)
	if err != nil {
		t.Fatal(err)
	}
	conn, _ := handshake(t, addr, cfg)
	if _, err := io.WriteString(conn, "GET /api HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	log, err := p.log.waitFor(ctx, &scope{Conn: conn.LocalAddr().String()}, 1, true)
	if err != nil {
		t.Fatal(err)
	}
	if took := log[0].End.Sub(log[0].Start); took < latency {
		t.Fatalf("the log has the request answered after %v, before its answer crossed", took)
	}
}

func TestClosingAListenerClosesItsConnectionsAndNoOthers(t *testing.T) {
	p, main, cfg := tlsFront(t, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "ok")
	}))
	addr, err := p.openListener(10 * time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	request := func(conn *tls.Conn) error {
		if _, err := io.WriteString(conn, "GET /api HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
			return err
		}
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, res.Body)
		return err
	}
	onListener, _ := handshake(t, addr, cfg)
	onMain, _ := handshake(t, main, cfg)
	for _, conn := range []*tls.Conn{onListener, onMain} {
		if err := request(conn); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := p.closeListener(addr); n != 1 || err != nil {
		t.Fatalf("closed %d connections: %v", n, err)
	}
	if err := request(onListener); err == nil {
		t.Fatal("a connection of the closed listener still answers")
	}
	if _, err := net.Dial("tcp", addr); err == nil {
		t.Fatal("the closed listener still accepts")
	}
	if err := request(onMain); err != nil {
		t.Fatalf("the main port's connection was closed too: %v", err)
	}
	if _, err := p.closeListener(addr); err != errNoListener {
		t.Fatalf("closing it again: %v", err)
	}
}

func TestControlAPIOpensAndClosesListeners(t *testing.T) {
	p, _, _ := tlsFront(t, http.NotFoundHandler())
	control := httptest.NewServer(p.controlHandler())
	defer control.Close()
	call := func(method, path, body string) (int, string) {
		req, _ := http.NewRequest(method, control.URL+path, strings.NewReader(body))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		text, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(text)
	}
	for _, bad := range []string{`{}`, `{"ms": -1}`, `nonsense`} {
		if code, text := call("POST", "/listeners", bad); code != http.StatusBadRequest {
			t.Errorf("%s: %d %s", bad, code, text)
		}
	}
	code, text := call("POST", "/listeners", `{"ms": 20}`)
	var opened struct{ Addr string }
	if err := json.Unmarshal([]byte(text), &opened); code != 200 || err != nil || opened.Addr == "" {
		t.Fatalf("%d %s", code, text)
	}
	if code, text := call("DELETE", "/listeners/"+opened.Addr, ""); code != 200 || !strings.Contains(text, `"dropped":0`) {
		t.Fatalf("%d %s", code, text)
	}
	if code, _ := call("DELETE", "/listeners/"+opened.Addr, ""); code != http.StatusNotFound {
		t.Fatalf("closed twice: %d", code)
	}
}

func TestWithheldSubprotocolsLeaveTheOfferInScope(t *testing.T) {
	var l withholdList
	if err := l.add(&withhold{Protocols: []string{"v5.channel.k8s.io"}}); err == nil {
		t.Fatal("a rule for every client is refused")
	}
	if err := l.add(&withhold{scope: scope{Namespace: "a"}, Protocols: []string{"v5.channel.k8s.io"}}); err != nil {
		t.Fatal(err)
	}
	offer := func(path string) string {
		r := httptest.NewRequest("GET", path, nil)
		r.Header.Set("Sec-WebSocket-Protocol", "v5.channel.k8s.io, v4.channel.k8s.io")
		l.apply(r, requestOf(r))
		return r.Header.Get("Sec-WebSocket-Protocol")
	}
	if got := offer("/api/v1/namespaces/a/pods/p/exec"); got != "v4.channel.k8s.io" {
		t.Fatalf("in scope: %q", got)
	}
	if got := offer("/api/v1/namespaces/b/pods/p/exec"); got != "v5.channel.k8s.io, v4.channel.k8s.io" {
		t.Fatalf("out of scope: %q", got)
	}
}

func TestALostAnswerReachesTheServerButNotTheClient(t *testing.T) {
	var posts atomic.Int32
	upstream := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		posts.Add(1)
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, "made")
	}))
	defer upstream.Close()
	target, _ := http.NewRequest("GET", upstream.URL, nil)
	p := newProxy(target.URL, upstream.Client().Transport.(*http.Transport).TLSClientConfig, nil)
	if err := p.faults.add(&fault{scope: scope{Method: "POST", Path: "^/apis/batch/v1/namespaces/a/jobs$"}, LoseAnswer: true}); err != nil {
		t.Fatal(err)
	}
	front := httptest.NewServer(p)
	defer front.Close()
	post := func() (*http.Response, error) {
		return http.Post(front.URL+"/apis/batch/v1/namespaces/a/jobs", "application/json", strings.NewReader("{}"))
	}
	if res, err := post(); err == nil {
		res.Body.Close()
		t.Fatalf("the answer must be lost, got %d", res.StatusCode)
	}
	if got := posts.Load(); got != 1 {
		t.Fatalf("the server must have got the request once, got %d", got)
	}
	res, err := post()
	if err != nil {
		t.Fatalf("the fault is used up: %v", err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusCreated || posts.Load() != 2 {
		t.Fatalf("second: %d after %d posts", res.StatusCode, posts.Load())
	}
}
