// agent.go holds what the test told the agent (port-forward targets, container logs) and
// serves the control API through which it tells it.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
)

type agent struct {
	mu       sync.Mutex
	defaults map[int32]string
	forwards map[string]string
	logs     map[string]*logStore
}

func newAgent(defaults map[int32]string) *agent {
	return &agent{defaults: defaults, forwards: map[string]string{}, logs: map[string]*logStore{}}
}

func forwardKey(namespace, pod string, port int32) string {
	return fmt.Sprintf("%s/%s/%d", namespace, pod, port)
}

func (a *agent) forwardTarget(namespace, pod string, port int32) (string, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if t, ok := a.forwards[forwardKey(namespace, pod, port)]; ok {
		return t, true
	}
	t, ok := a.defaults[port]
	return t, ok
}

// logFor returns the log of a container instance, creating it empty on first use.
func (a *agent) logFor(namespace, pod, container string, previous bool) *logStore {
	key := namespace + "/" + pod + "/" + container + "/" + strconv.FormatBool(previous)
	a.mu.Lock()
	defer a.mu.Unlock()
	l, ok := a.logs[key]
	if !ok {
		l = newLogStore()
		a.logs[key] = l
	}
	return l
}

func (a *agent) controlHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /forwards/{namespace}/{pod}/{port}", func(w http.ResponseWriter, r *http.Request) {
		port, err := strconv.ParseInt(r.PathValue("port"), 10, 32)
		var body struct {
			Target string `json:"target"`
		}
		if err == nil {
			err = json.NewDecoder(r.Body).Decode(&body)
		}
		if err != nil || body.Target == "" {
			http.Error(w, "expected a port and {\"target\": \"host:port\"}", http.StatusBadRequest)
			return
		}
		a.mu.Lock()
		a.forwards[forwardKey(r.PathValue("namespace"), r.PathValue("pod"), int32(port))] = body.Target
		a.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("DELETE /forwards/{namespace}/{pod}/{port}", func(w http.ResponseWriter, r *http.Request) {
		port, err := strconv.ParseInt(r.PathValue("port"), 10, 32)
		if err != nil {
			http.Error(w, "bad port", http.StatusBadRequest)
			return
		}
		a.mu.Lock()
		delete(a.forwards, forwardKey(r.PathValue("namespace"), r.PathValue("pod"), int32(port)))
		a.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /logs/{namespace}/{pod}/{container}", func(w http.ResponseWriter, r *http.Request) {
		text, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		previous := r.URL.Query().Get("previous") == "true"
		a.logFor(r.PathValue("namespace"), r.PathValue("pod"), r.PathValue("container"), previous).append(string(text))
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /logs/{namespace}/{pod}/{container}/close", func(w http.ResponseWriter, r *http.Request) {
		a.logFor(r.PathValue("namespace"), r.PathValue("pod"), r.PathValue("container"), false).close()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "ok") })
	return mux
}
