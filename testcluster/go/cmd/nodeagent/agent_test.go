package main

import (
	"context"
	"errors"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"

	utilexec "k8s.io/utils/exec"
)

func TestExitCodeReachesTheStreamingServer(t *testing.T) {
	err := exitError(exec.Command("sh", "-c", "exit 42").Run())
	var code utilexec.ExitError
	if !errors.As(err, &code) || !code.Exited() || code.ExitStatus() != 42 {
		t.Fatalf("want an exit error with code 42, got %#v", err)
	}
	err = exitError(exec.Command("no-such-command-here").Run())
	if !errors.As(err, &code) || code.ExitStatus() != 127 {
		t.Fatalf("want 127 for a missing command, got %#v", err)
	}
	if exitError(nil) != nil {
		t.Fatal("success is no error")
	}
}

func TestStdinEOFEndsTheCommand(t *testing.T) {
	var out strings.Builder
	c := exec.Command("cat")
	done := make(chan error, 1)
	go func() { done <- runWithPipes(c, strings.NewReader("through stdin\n"), nopCloser{&out}, nil) }()
	select {
	case err := <-done:
		if err != nil || out.String() != "through stdin\n" {
			t.Fatalf("cat: %v, %q", err, out.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("cat never saw the end of its stdin")
	}
}

type nopCloser struct{ *strings.Builder }

func (nopCloser) Close() error { return nil }

func TestForwardTargetsPreferThePodsOwn(t *testing.T) {
	a := newAgent(map[int32]string{22: "127.0.0.1:2222"})
	a.forwards[forwardKey("ns", "pod-a", 22)] = "127.0.0.1:3333"
	if got, _ := a.forwardTarget("ns", "pod-a", 22); got != "127.0.0.1:3333" {
		t.Fatalf("pod-a: %s", got)
	}
	if got, _ := a.forwardTarget("ns", "pod-b", 22); got != "127.0.0.1:2222" {
		t.Fatalf("pod-b: %s", got)
	}
	if _, ok := a.forwardTarget("ns", "pod-b", 80); ok {
		t.Fatal("port 80 has no target")
	}
}

func serveLog(t *testing.T, store *logStore, query string, ctx context.Context) string {
	t.Helper()
	req := httptest.NewRequest("GET", "/containerLogs/ns/pod/c?"+query, nil).WithContext(ctx)
	rec := httptest.NewRecorder()
	writeLogs(ctx, rec, store, parseLogQuery(req))
	return rec.Body.String()
}

func TestLogsTailTimestampsAndLimit(t *testing.T) {
	store := newLogStore()
	store.append("one\ntwo\nthree\n")
	ctx := context.Background()
	if got := serveLog(t, store, "", ctx); got != "one\ntwo\nthree\n" {
		t.Fatalf("all: %q", got)
	}
	if got := serveLog(t, store, "tailLines=2", ctx); got != "two\nthree\n" {
		t.Fatalf("tail: %q", got)
	}
	if got := serveLog(t, store, "limitBytes=5", ctx); got != "one\nt" {
		t.Fatalf("limit: %q", got)
	}
	stamped := serveLog(t, store, "timestamps=true&tailLines=1", ctx)
	stamp, text, _ := strings.Cut(strings.TrimSuffix(stamped, "\n"), " ")
	if _, err := time.Parse(time.RFC3339Nano, stamp); err != nil || text != "three" {
		t.Fatalf("timestamps: %q", stamped)
	}
}

func TestFollowStreamsNewLinesUntilClosed(t *testing.T) {
	store := newLogStore()
	store.append("first\n")
	result := make(chan string, 1)
	go func() { result <- serveLog(t, store, "follow=true", context.Background()) }()
	store.append("second\n")
	store.close()
	select {
	case got := <-result:
		if got != "first\nsecond\n" {
			t.Fatalf("follow: %q", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("follow did not end when the log closed")
	}
}
