package main

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

func TestFaultsMatchMethodAndPathAndGetUsedUp(t *testing.T) {
	var l faultList
	if err := l.add(&fault{Method: "POST", Path: "^/api/v1/namespaces/[^/]+/secrets$", Status: 500, Count: 2}); err != nil {
		t.Fatal(err)
	}
	if l.take("GET", "/api/v1/namespaces/a/secrets") != nil {
		t.Fatal("GET must not match a POST fault")
	}
	for i := 0; i < 2; i++ {
		if f := l.take("POST", "/api/v1/namespaces/a/secrets"); f == nil || f.Status != 500 {
			t.Fatalf("match %d: %v", i, f)
		}
	}
	if l.take("POST", "/api/v1/namespaces/a/secrets") != nil {
		t.Fatal("the fault is used up after two matches")
	}
	if err := l.add(&fault{Path: "(", Status: 500}); err == nil {
		t.Fatal("a bad pattern is refused")
	}
	if err := l.add(&fault{Path: ".", Status: 200}); err == nil {
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
	server, client := net.Pipe()
	var latency atomic.Int64
	latency.Store(int64(150 * time.Millisecond))
	d := newDelayConn(client, &latency)
	start := time.Now()
	go func() {
		for _, s := range []string{"a", "b", "c"} {
			_, _ = server.Write([]byte(s))
			time.Sleep(50 * time.Millisecond)
		}
		server.Close()
	}()
	got, _ := io.ReadAll(d)
	elapsed := time.Since(start)
	if string(got) != "abc" {
		t.Fatalf("order: %q", got)
	}
	// Three chunks 50 ms apart, each delayed 150 ms: about 250 ms in all, not 3 × 150 + 100.
	if elapsed < 150*time.Millisecond || elapsed > 450*time.Millisecond {
		t.Fatalf("took %v", elapsed)
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
	p := newProxy(target.URL, upstream.Client().Transport.(*http.Transport).TLSClientConfig)
	front := httptest.NewServer(p)
	defer front.Close()
	if err := p.faults.add(&fault{Method: "GET", Path: "^/api$", Status: 503, Count: 1}); err != nil {
		t.Fatal(err)
	}

	get := func() (int, string) {
		req, _ := http.NewRequest("GET", front.URL+"/api", nil)
		req.Header.Set("X-Remote-User", "mallory")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(body)
	}
	if code, _ := get(); code != 503 {
		t.Fatalf("first: %d", code)
	}
	if code, body := get(); code != 200 || body != "from upstream" {
		t.Fatalf("second: %d %q", code, body)
	}
	log := p.log.snapshot()
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
	if n := set.close(dropped.RemoteAddr().String()); n != 1 {
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
	if n := set.close(""); n != 1 {
		t.Fatalf("closing the rest closed %d, want the 1 kept", n)
	}
	if _, err := keptClient.Read(make([]byte, 1)); err == nil {
		t.Fatal("the kept connection was not closed by closing all")
	}
}
