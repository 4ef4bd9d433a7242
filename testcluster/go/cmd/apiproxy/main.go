// Command apiproxy stands between the test cluster's clients and its kube-apiserver. It
// forwards everything (watches and exec/port-forward upgrades included), asserts the identity
// of a client certificate to the API server through the request-header (front-proxy)
// mechanism, and lets tests open listeners with latency, inject failures, hold requests, drop
// connections and read a log of requests through a control API, each limited to the test's
// own scope or listener.
package main

import (
	"crypto/tls"
	"crypto/x509"
	"devctl/testcluster/internal/ready"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "HTTPS address for clients")
	control := flag.String("control", "127.0.0.1:0", "plain HTTP address of the control API")
	certFile := flag.String("tls-cert-file", "", "serving certificate (PEM)")
	keyFile := flag.String("tls-key-file", "", "serving key (PEM)")
	clientCA := flag.String("client-ca-file", "", "CA that verifies client certificates, if any are presented")
	upstream := flag.String("upstream", "", "URL of the kube-apiserver")
	upstreamCA := flag.String("upstream-ca-file", "", "CA of the kube-apiserver's serving certificate")
	proxyCert := flag.String("proxy-client-cert-file", "", "front-proxy client certificate for the upstream")
	proxyKey := flag.String("proxy-client-key-file", "", "front-proxy client key for the upstream")
	readyFile := flag.String("ready-file", "", "written with the bound addresses once both listeners are up")
	flag.Parse()

	target, err := url.Parse(*upstream)
	if err != nil || target.Host == "" {
		log.Fatalf("--upstream: %q is not a URL", *upstream)
	}
	upstreamTLS, err := clientTLS(*upstreamCA, *proxyCert, *proxyKey)
	if err != nil {
		log.Fatal(err)
	}
	serving, err := servingTLS(*certFile, *keyFile, *clientCA)
	if err != nil {
		log.Fatal(err)
	}
	p := newProxy(target, upstreamTLS, serving)
	raw, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	controlLn, err := net.Listen("tcp", *control)
	if err != nil {
		log.Fatal(err)
	}
	if *readyFile != "" {
		if err := ready.Write(*readyFile, raw.Addr().String(), controlLn.Addr().String()); err != nil {
			log.Fatal(err)
		}
	}
	p.host, _, _ = net.SplitHostPort(raw.Addr().String())
	go func() { log.Fatal(http.Serve(controlLn, p.controlHandler())) }()
	log.Fatal(p.serve(raw, 0))
}

func servingTLS(certFile, keyFile, clientCA string) (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, fmt.Errorf("loading the serving certificate: %w", err)
	}
	// HTTP/2 as the API server offers it, and HTTP/1.1 for clients that ask for it, as the
	// upgrades of exec and port-forward need.
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, NextProtos: []string{"h2", "http/1.1"}}
	if clientCA != "" {
		pool, err := loadPool(clientCA)
		if err != nil {
			return nil, err
		}
		cfg.ClientCAs = pool
		cfg.ClientAuth = tls.VerifyClientCertIfGiven
	}
	return cfg, nil
}

func clientTLS(caFile, certFile, keyFile string) (*tls.Config, error) {
	cfg := &tls.Config{NextProtos: []string{"http/1.1"}}
	if caFile != "" {
		pool, err := loadPool(caFile)
		if err != nil {
			return nil, err
		}
		cfg.RootCAs = pool
	}
	if certFile != "" {
		cert, err := tls.LoadX509KeyPair(certFile, keyFile)
		if err != nil {
			return nil, fmt.Errorf("loading the front-proxy client certificate: %w", err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	return cfg, nil
}

func loadPool(file string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s: no certificates", file)
	}
	return pool, nil
}
