// scope.go says which requests a control applies to: a method and a path pattern, and the
// client (its user or its connection) or the namespace a request is about. Tests share one
// proxy, so everything that changes how the proxy answers is limited to a scope, and a test
// reads the request log through one instead of clearing it.
package main

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

type scope struct {
	Method    string `json:"method,omitempty"`    // empty or "*": any
	Path      string `json:"path,omitempty"`      // a regular expression on the URL path; empty: any
	User      string `json:"user,omitempty"`      // the client certificate's user
	Namespace string `json:"namespace,omitempty"` // the namespace in the path (/namespaces/NS...)
	Conn      string `json:"conn,omitempty"`      // the client's address, one per connection
	re        *regexp.Regexp
}

// request is what a scope looks at in a request.
type request struct {
	method, path, user, conn string
}

func requestOf(r *http.Request) request {
	return request{method: r.Method, path: r.URL.Path, user: userOf(r), conn: r.RemoteAddr}
}

func (s *scope) compile() error {
	re, err := regexp.Compile(s.Path)
	if err != nil {
		return fmt.Errorf("path: %w", err)
	}
	s.re = re
	return nil
}

// client says whether the scope names a client or a namespace, and so leaves other tests alone.
func (s *scope) client() bool {
	return s.User != "" || s.Namespace != "" || s.Conn != ""
}

var errUnscoped = errors.New("name a user, a namespace or a connection: other tests share this proxy")

func (s *scope) matches(r request) bool {
	return (s.Method == "" || s.Method == "*" || s.Method == r.method) &&
		(s.re == nil || s.re.MatchString(r.path)) &&
		(s.User == "" || s.User == r.user) &&
		(s.Conn == "" || s.Conn == r.conn) &&
		(s.Namespace == "" || s.Namespace == namespaceOf(r.path))
}

// same says whether two scopes select the same requests by the same words.
func (s *scope) same(o *scope) bool {
	return s.Method == o.Method && s.Path == o.Path && s.User == o.User &&
		s.Namespace == o.Namespace && s.Conn == o.Conn
}

// namespaceOf is the namespace a request path is about: NS in /api/v1/namespaces/NS/pods,
// /apis/apps/v1/namespaces/NS/statefulsets/x and /api/v1/namespaces/NS itself.
func namespaceOf(path string) string {
	parts := strings.Split(path, "/")
	// "", "api", VERSION, "namespaces", NS or "", "apis", GROUP, VERSION, "namespaces", NS
	at := map[string]int{"api": 3, "apis": 4}
	if len(parts) < 2 {
		return ""
	}
	i, ok := at[parts[1]]
	if !ok || len(parts) <= i+1 || parts[i] != "namespaces" {
		return ""
	}
	return parts[i+1]
}

// scopeFromQuery reads a scope from ?method=&path=&user=&namespace=&conn=.
func scopeFromQuery(q url.Values) (*scope, error) {
	s := &scope{
		Method:    q.Get("method"),
		Path:      q.Get("path"),
		User:      q.Get("user"),
		Namespace: q.Get("namespace"),
		Conn:      q.Get("conn"),
	}
	if err := s.compile(); err != nil {
		return nil, err
	}
	return s, nil
}
