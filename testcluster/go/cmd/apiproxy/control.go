// control.go is the test-facing side of the proxy: latency, faults, dropping connections and
// the request log, over plain HTTP on loopback.
package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"time"
)

func (p *proxy) controlHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /latency", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Ms int64 `json:"ms"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Ms < 0 {
			http.Error(w, `expected {"ms": N}`, http.StatusBadRequest)
			return
		}
		p.latency.Store(int64(time.Duration(body.Ms) * time.Millisecond))
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /faults", func(w http.ResponseWriter, r *http.Request) {
		var f fault
		if err := json.NewDecoder(r.Body).Decode(&f); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if err := p.faults.add(&f); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /faults", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, p.faults.list())
	})
	mux.HandleFunc("DELETE /faults", func(w http.ResponseWriter, _ *http.Request) {
		p.faults.clear()
		w.WriteHeader(http.StatusNoContent)
	})
	// Every client connection, or with ?remote=ADDR the one from that address (the `conn` of
	// the request log), so that a test drops its own and no other test's.
	mux.HandleFunc("POST /drop", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, map[string]int{"dropped": p.conns.close(r.URL.Query().Get("remote"))})
	})
	mux.HandleFunc("GET /requests", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, p.log.snapshot())
	})
	mux.HandleFunc("DELETE /requests", func(w http.ResponseWriter, _ *http.Request) {
		p.log.clear()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "ok") })
	return mux
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// fault answers the next Count requests matching Method and Path in place of the API server.
type fault struct {
	Method            string `json:"method"`
	Path              string `json:"path"`
	Status            int    `json:"status"`
	Count             int    `json:"count"`
	RetryAfterSeconds int    `json:"retryAfterSeconds,omitempty"`
	Message           string `json:"message,omitempty"`
	re                *regexp.Regexp
}

func (f *fault) message() string {
	if f.Message != "" {
		return f.Message
	}
	return fmt.Sprintf("injected by the test cluster's proxy: %d %s", f.Status, http.StatusText(f.Status))
}

type faultList struct {
	mu     sync.Mutex
	faults []*fault
}

func (l *faultList) add(f *fault) error {
	re, err := regexp.Compile(f.Path)
	if err != nil {
		return fmt.Errorf("path: %w", err)
	}
	if f.Status < 400 || f.Status > 599 {
		return fmt.Errorf("status %d is not a failure", f.Status)
	}
	if f.Count <= 0 {
		f.Count = 1
	}
	f.re = re
	l.mu.Lock()
	defer l.mu.Unlock()
	l.faults = append(l.faults, f)
	return nil
}

// take uses up one match of the first fault that matches, if any.
func (l *faultList) take(method, path string) *fault {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, f := range l.faults {
		if (f.Method == "" || f.Method == "*" || f.Method == method) && f.re.MatchString(path) {
			f.Count--
			if f.Count == 0 {
				l.faults = append(l.faults[:i], l.faults[i+1:]...)
			}
			copied := *f
			return &copied
		}
	}
	return nil
}

func (l *faultList) list() []fault {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]fault, 0, len(l.faults))
	for _, f := range l.faults {
		out = append(out, *f)
	}
	return out
}

func (l *faultList) clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.faults = nil
}

var statusReasons = map[int]string{
	400: "BadRequest",
	401: "Unauthorized",
	403: "Forbidden",
	404: "NotFound",
	409: "AlreadyExists",
	410: "Expired",
	422: "Invalid",
	429: "TooManyRequests",
	500: "InternalError",
	503: "ServiceUnavailable",
	504: "Timeout",
}

// writeStatus answers with a metav1.Status body, as the API server does.
func writeStatus(w http.ResponseWriter, code int, message string, retryAfter int) {
	reason, ok := statusReasons[code]
	if !ok {
		reason = "InternalError"
	}
	status := map[string]any{
		"kind":       "Status",
		"apiVersion": "v1",
		"metadata":   map[string]any{},
		"status":     "Failure",
		"message":    message,
		"reason":     reason,
		"code":       code,
	}
	if retryAfter > 0 {
		status["details"] = map[string]any{"retryAfterSeconds": retryAfter}
		w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(status)
}

// entry is one request in the log.
type entry struct {
	Method   string     `json:"method"`
	Path     string     `json:"path"`
	Query    string     `json:"query"`
	Start    time.Time  `json:"start"`
	End      *time.Time `json:"end"`
	Status   int        `json:"status"`
	User     string     `json:"user"`
	Upgrade  bool       `json:"upgrade"`
	Injected bool       `json:"injected"`
	Proto    string     `json:"proto"` // HTTP/1.1 or HTTP/2.0
	Conn     string     `json:"conn"`  // the client's address: one per connection
	mu       *sync.Mutex
}

func (e *entry) markInjected() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.Injected = true
}

type requestLog struct {
	mu      sync.Mutex
	entries []*entry
}

func (l *requestLog) begin(r *http.Request, user string) *entry {
	e := &entry{
		Method:  r.Method,
		Path:    r.URL.Path,
		Query:   r.URL.RawQuery,
		Start:   time.Now().UTC(),
		User:    user,
		Upgrade: r.Header.Get("Upgrade") != "",
		Proto:   r.Proto,
		Conn:    r.RemoteAddr,
		mu:      &l.mu,
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries = append(l.entries, e)
	return e
}

func (l *requestLog) end(e *entry, status int) {
	now := time.Now().UTC()
	l.mu.Lock()
	defer l.mu.Unlock()
	e.End = &now
	e.Status = status
}

func (l *requestLog) snapshot() []entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]entry, 0, len(l.entries))
	for _, e := range l.entries {
		out = append(out, *e)
	}
	return out
}

func (l *requestLog) clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries = nil
}

// connSet tracks every client connection, hijacked ones included, so they can be dropped.
type connSet struct {
	mu    sync.Mutex
	conns map[*trackedConn]struct{}
}

type trackedConn struct {
	net.Conn
	set  *connSet
	once sync.Once
}

func (c *trackedConn) Close() error {
	c.once.Do(func() {
		c.set.mu.Lock()
		delete(c.set.conns, c)
		c.set.mu.Unlock()
	})
	return c.Conn.Close()
}

type trackingListener struct {
	net.Listener
	set *connSet
}

func (s *connSet) track(l net.Listener) net.Listener {
	s.mu.Lock()
	s.conns = map[*trackedConn]struct{}{}
	s.mu.Unlock()
	return &trackingListener{Listener: l, set: s}
}

func (l *trackingListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	t := &trackedConn{Conn: conn, set: l.set}
	l.set.mu.Lock()
	l.set.conns[t] = struct{}{}
	l.set.mu.Unlock()
	return t, nil
}

// close closes the connections from remote, or all of them when remote is empty.
func (s *connSet) close(remote string) int {
	s.mu.Lock()
	conns := make([]*trackedConn, 0, len(s.conns))
	for c := range s.conns {
		if remote == "" || c.RemoteAddr().String() == remote {
			conns = append(conns, c)
		}
	}
	s.mu.Unlock()
	for _, c := range conns {
		_ = c.Close()
	}
	return len(conns)
}
