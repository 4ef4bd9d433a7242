// control.go is the test-facing side of the proxy: listeners with latency, faults, holds,
// dropping connections and the request log, over plain HTTP on loopback. Everything that changes how
// the proxy answers applies to a scope (scope.go), since the tests of a binary share it.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

func (p *proxy) controlHandler() http.Handler {
	mux := http.NewServeMux()
	// A listener for one test ({"ms": N} in, {"addr": "HOST:PORT"} out): every connection to
	// it has N ms of latency on all the proxy sends, TLS handshake included. DELETE closes it
	// and its connections.
	mux.HandleFunc("POST /listeners", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Ms *int64 `json:"ms"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Ms == nil {
			http.Error(w, `expected {"ms": N}`, http.StatusBadRequest)
			return
		}
		addr, err := p.openListener(time.Duration(*body.Ms) * time.Millisecond)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		writeJSON(w, map[string]string{"addr": addr})
	})
	mux.HandleFunc("DELETE /listeners/{addr}", func(w http.ResponseWriter, r *http.Request) {
		dropped, err := p.closeListener(r.PathValue("addr"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		writeJSON(w, map[string]int{"dropped": dropped})
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
	// Subprotocols withheld from the API server for requests in a client's scope, from then on.
	mux.HandleFunc("POST /withhold", func(w http.ResponseWriter, r *http.Request) {
		var h withhold
		if err := json.NewDecoder(r.Body).Decode(&h); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if err := p.withheld.add(&h); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	// Holds: POST makes one ({"id": N}); GET /holds/N?n=K&waitMs=T answers once it caught K
	// requests (408 after T ms); POST /holds/N/release lets them go.
	mux.HandleFunc("POST /holds", func(w http.ResponseWriter, r *http.Request) {
		var h hold
		if err := json.NewDecoder(r.Body).Decode(&h); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		id, err := p.holds.add(&h)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		writeJSON(w, map[string]uint64{"id": id})
	})
	mux.HandleFunc("GET /holds/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
		if err != nil {
			http.Error(w, "hold id: "+err.Error(), http.StatusBadRequest)
			return
		}
		n, waitMs := 1, int64(0)
		if v := r.URL.Query().Get("n"); v != "" {
			if n, err = strconv.Atoi(v); err != nil || n < 1 {
				http.Error(w, "n: a count from 1", http.StatusBadRequest)
				return
			}
		}
		if v := r.URL.Query().Get("waitMs"); v != "" {
			if waitMs, err = strconv.ParseInt(v, 10, 64); err != nil || waitMs < 0 {
				http.Error(w, "waitMs: milliseconds", http.StatusBadRequest)
				return
			}
		}
		ctx, cancel := context.WithTimeout(r.Context(), time.Duration(waitMs)*time.Millisecond)
		defer cancel()
		caught, err := p.holds.wait(ctx, id, n)
		switch {
		case errors.Is(err, errNoHold):
			http.Error(w, err.Error(), http.StatusNotFound)
		case err != nil:
			http.Error(w, fmt.Sprintf("the hold caught %d of %d requests in %d ms", len(caught), n, waitMs), http.StatusRequestTimeout)
		default:
			writeJSON(w, p.log.copies(caught))
		}
	})
	mux.HandleFunc("POST /holds/{id}/release", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
		if err != nil {
			http.Error(w, "hold id: "+err.Error(), http.StatusBadRequest)
			return
		}
		released, err := p.holds.release(id)
		if err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		writeJSON(w, map[string]int{"released": released})
	})
	// The connections of one client: ?conn=ADDR (the `conn` of the request log), or every
	// connection that carried a request of ?user= or into ?namespace=; never all of them.
	mux.HandleFunc("POST /drop", func(w http.ResponseWriter, r *http.Request) {
		s, err := scopeFromQuery(r.URL.Query())
		if err == nil && !s.client() {
			err = errUnscoped
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		remotes := map[string]bool{}
		if s.User == "" && s.Namespace == "" {
			remotes[s.Conn] = true
		} else {
			for _, e := range p.log.snapshot(s) {
				remotes[e.Conn] = true
			}
		}
		writeJSON(w, map[string]int{"dropped": p.conns.closeWhere(func(c *trackedConn) bool {
			return remotes[c.RemoteAddr().String()]
		})})
	})
	// The log, or with ?method=&path=&user=&namespace=&conn= the requests in that scope. It is
	// never cleared: a test reads the part that is its own. With ?n=K&waitMs=T it answers once
	// K requests are in scope (with &ended=true: K have ended), 408 after T ms.
	mux.HandleFunc("GET /requests", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		s, err := scopeFromQuery(q)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if q.Get("n") == "" {
			writeJSON(w, p.log.snapshot(s))
			return
		}
		n, nErr := strconv.Atoi(q.Get("n"))
		waitMs, wErr := strconv.ParseInt(q.Get("waitMs"), 10, 64)
		if nErr != nil || n < 1 || wErr != nil || waitMs < 0 {
			http.Error(w, "n: a count from 1, waitMs: milliseconds", http.StatusBadRequest)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), time.Duration(waitMs)*time.Millisecond)
		defer cancel()
		found, err := p.log.waitFor(ctx, s, n, q.Get("ended") == "true")
		if err != nil {
			http.Error(w, fmt.Sprintf("%d of %d requests in %d ms", len(found), n, waitMs), http.StatusRequestTimeout)
			return
		}
		writeJSON(w, found)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "ok") })
	return mux
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// fault answers the next Count requests in its scope in place of the API server, or, with
// LoseAnswer, sends them on and breaks the connection instead of passing the answer back: the
// server did the work and the client cannot know it.
type fault struct {
	scope
	Status            int    `json:"status"`
	Count             int    `json:"count"`
	RetryAfterSeconds int    `json:"retryAfterSeconds,omitempty"`
	Message           string `json:"message,omitempty"`
	LoseAnswer        bool   `json:"loseAnswer,omitempty"`
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
	if err := f.compile(); err != nil {
		return err
	}
	if f.LoseAnswer {
		f.Status = 0
	} else if f.Status < 400 || f.Status > 599 {
		return fmt.Errorf("status %d is not a failure", f.Status)
	}
	if f.Count <= 0 {
		f.Count = 1
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.faults = append(l.faults, f)
	return nil
}

// take uses up one match of the first fault that matches, if any.
func (l *faultList) take(r request) *fault {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, f := range l.faults {
		if f.matches(r) {
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
	// Caught by a hold; a held request that ended without a status was never sent: its
	// client went away while it was held.
	Held  bool   `json:"held"`
	Proto string `json:"proto"` // HTTP/1.1 or HTTP/2.0
	Conn  string `json:"conn"`  // the client's address: one per connection
	mu    *sync.Mutex
}

func (e *entry) markInjected() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.Injected = true
}

func (e *entry) markHeld() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.Held = true
}

type requestLog struct {
	mu      sync.Mutex
	entries []*entry
	changed chan struct{} // made by a waiter; closed (and forgotten) when a request begins or ends
}

// changedLocked tells the waiters that the log changed.
func (l *requestLog) changedLocked() {
	if l.changed != nil {
		close(l.changed)
		l.changed = nil
	}
}

func (l *requestLog) begin(r *http.Request, req request) *entry {
	e := &entry{
		Method:  req.method,
		Path:    req.path,
		Query:   r.URL.RawQuery,
		Start:   time.Now().UTC(),
		User:    req.user,
		Upgrade: r.Header.Get("Upgrade") != "",
		Proto:   r.Proto,
		Conn:    req.conn,
		mu:      &l.mu,
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries = append(l.entries, e)
	l.changedLocked()
	return e
}

// endAfter ends e once its answer reached the client: latency after the proxy sent it.
func (l *requestLog) endAfter(e *entry, status int, latency time.Duration) {
	if latency <= 0 {
		l.end(e, status)
		return
	}
	time.AfterFunc(latency, func() { l.end(e, status) })
}

func (l *requestLog) end(e *entry, status int) {
	now := time.Now().UTC()
	l.mu.Lock()
	defer l.mu.Unlock()
	e.End = &now
	e.Status = status
	l.changedLocked()
}

// snapshot copies the entries in scope s, in start order.
func (l *requestLog) snapshot(s *scope) []entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.selectLocked(s, false)
}

func (l *requestLog) selectLocked(s *scope, ended bool) []entry {
	out := make([]entry, 0, len(l.entries))
	for _, e := range l.entries {
		if s.matches(request{method: e.Method, path: e.Path, user: e.User, conn: e.Conn}) && (!ended || e.End != nil) {
			out = append(out, *e)
		}
	}
	return out
}

// waitFor returns the entries in scope s (only the ended ones if ended) once there are n of
// them, or what there is when ctx ends first (with ctx's error).
func (l *requestLog) waitFor(ctx context.Context, s *scope, n int, ended bool) ([]entry, error) {
	for {
		l.mu.Lock()
		found := l.selectLocked(s, ended)
		if len(found) >= n {
			l.mu.Unlock()
			return found, nil
		}
		if l.changed == nil {
			l.changed = make(chan struct{})
		}
		changed := l.changed
		l.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return found, ctx.Err()
		}
	}
}

// copies copies entries of the log as they are now.
func (l *requestLog) copies(entries []*entry) []entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]entry, 0, len(entries))
	for _, e := range entries {
		out = append(out, *e)
	}
	return out
}

// connSet tracks every client connection, hijacked ones included, so they can be dropped.
type connSet struct {
	mu    sync.Mutex
	conns map[*trackedConn]struct{}
}

type trackedConn struct {
	net.Conn
	listener string // the address it was accepted on
	set      *connSet
	once     sync.Once
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
	return &trackingListener{Listener: l, set: s}
}

func (l *trackingListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	t := &trackedConn{Conn: conn, listener: l.Addr().String(), set: l.set}
	l.set.mu.Lock()
	if l.set.conns == nil {
		l.set.conns = map[*trackedConn]struct{}{}
	}
	l.set.conns[t] = struct{}{}
	l.set.mu.Unlock()
	return t, nil
}

// closeWhere closes the connections that which picks, at once (what a delay line still
// holds for them is lost, as on a broken connection); it returns how many.
func (s *connSet) closeWhere(which func(*trackedConn) bool) int {
	s.mu.Lock()
	var conns []*trackedConn
	for c := range s.conns {
		if which(c) {
			conns = append(conns, c)
		}
	}
	s.mu.Unlock()
	for _, c := range conns {
		_ = c.Close()
	}
	return len(conns)
}
