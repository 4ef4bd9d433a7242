// subprotocols.go withholds WebSocket subprotocols from the API server: a request in scope
// reaches it without the named ones in its Sec-WebSocket-Protocol list, so the server
// chooses among the rest, as an older API server would (exec's v4.channel.k8s.io when
// v5.channel.k8s.io, which can close stdin, is withheld).
package main

import (
	"net/http"
	"strings"
	"sync"
)

type withhold struct {
	scope
	Protocols []string `json:"protocols"`
}

type withholdList struct {
	mu    sync.Mutex
	rules []*withhold
}

func (l *withholdList) add(w *withhold) error {
	if err := w.compile(); err != nil {
		return err
	}
	if !w.client() {
		return errUnscoped
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.rules = append(l.rules, w)
	return nil
}

// apply takes the withheld subprotocols out of r's offer.
func (l *withholdList) apply(r *http.Request, req request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, w := range l.rules {
		if w.matches(req) {
			withholdFrom(r.Header, w.Protocols)
		}
	}
}

func withholdFrom(h http.Header, protocols []string) {
	offered := h.Values("Sec-Websocket-Protocol")
	if len(offered) == 0 {
		return
	}
	var kept []string
	for _, value := range offered {
		for _, p := range strings.Split(value, ",") {
			p = strings.TrimSpace(p)
			if p != "" && !contains(protocols, p) {
				kept = append(kept, p)
			}
		}
	}
	h.Del("Sec-Websocket-Protocol")
	if len(kept) > 0 {
		h.Set("Sec-Websocket-Protocol", strings.Join(kept, ", "))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
