// logs.go keeps the lines fed for a container and serves them as the kubelet's
// /containerLogs does: tailLines, sinceSeconds/sinceTime, timestamps, limitBytes, follow.
package main

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

type logLine struct {
	at   time.Time
	text string
}

type logStore struct {
	mu     sync.Mutex
	lines  []logLine
	closed bool
	// changed is closed and replaced whenever a line is added or the log is closed, waking
	// every follower at once.
	changed chan struct{}
}

func newLogStore() *logStore {
	return &logStore{changed: make(chan struct{})}
}

func (l *logStore) append(text string) {
	now := time.Now().UTC()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, line := range strings.SplitAfter(text, "\n") {
		if line == "" {
			continue
		}
		l.lines = append(l.lines, logLine{at: now, text: strings.TrimSuffix(line, "\n")})
	}
	close(l.changed)
	l.changed = make(chan struct{})
}

func (l *logStore) close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.closed {
		l.closed = true
		close(l.changed)
		l.changed = make(chan struct{})
	}
}

// from returns the lines from index i on, whether the log is closed, and a channel that is
// closed on the next change.
func (l *logStore) from(i int) ([]logLine, bool, <-chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if i > len(l.lines) {
		i = len(l.lines)
	}
	return append([]logLine(nil), l.lines[i:]...), l.closed, l.changed
}

type logQuery struct {
	follow     bool
	timestamps bool
	tail       int // -1: all
	since      time.Time
	limitBytes int64 // 0: no limit
}

func parseLogQuery(r *http.Request) logQuery {
	q := r.URL.Query()
	lq := logQuery{
		follow:     q.Get("follow") == "true",
		timestamps: q.Get("timestamps") == "true",
		tail:       -1,
	}
	if n, err := strconv.Atoi(q.Get("tailLines")); err == nil && n >= 0 {
		lq.tail = n
	}
	if s, err := strconv.Atoi(q.Get("sinceSeconds")); err == nil && s > 0 {
		lq.since = time.Now().Add(-time.Duration(s) * time.Second)
	}
	if t, err := time.Parse(time.RFC3339, q.Get("sinceTime")); err == nil {
		lq.since = t
	}
	if n, err := strconv.ParseInt(q.Get("limitBytes"), 10, 64); err == nil && n > 0 {
		lq.limitBytes = n
	}
	return lq
}

func (a *agent) serveLogs(w http.ResponseWriter, r *http.Request) {
	lq := parseLogQuery(r)
	previous := r.URL.Query().Get("previous") == "true"
	store := a.logFor(r.PathValue("namespace"), r.PathValue("pod"), r.PathValue("container"), previous)
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(http.StatusOK)
	writeLogs(r.Context(), w, store, lq)
}

func writeLogs(ctx context.Context, w http.ResponseWriter, store *logStore, lq logQuery) {
	flusher, _ := w.(http.Flusher)
	written := int64(0)
	lines, closed, changed := store.from(0)
	next := len(lines)
	if !lq.since.IsZero() {
		kept := lines[:0]
		for _, l := range lines {
			if !l.at.Before(lq.since) {
				kept = append(kept, l)
			}
		}
		lines = kept
	}
	if lq.tail >= 0 && len(lines) > lq.tail {
		lines = lines[len(lines)-lq.tail:]
	}
	for {
		for _, l := range lines {
			text := l.text + "\n"
			if lq.timestamps {
				text = l.at.Format(time.RFC3339Nano) + " " + text
			}
			if lq.limitBytes > 0 && written+int64(len(text)) > lq.limitBytes {
				text = text[:lq.limitBytes-written]
			}
			n, err := w.Write([]byte(text))
			written += int64(n)
			if err != nil || (lq.limitBytes > 0 && written >= lq.limitBytes) {
				return
			}
		}
		if flusher != nil {
			flusher.Flush()
		}
		if !lq.follow || closed {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-changed:
		}
		lines, closed, changed = store.from(next)
		next += len(lines)
	}
}
