// Command nodeagent serves the kubelet's streaming API (exec, port-forward, container logs)
// for every node of the test cluster. The kube-apiserver proxies pods/exec, pods/portforward
// and pods/log here, because the nodes' kubelet endpoint points at this agent. Commands run
// as local processes; port-forwards go to addresses the test chooses; logs are text the test
// feeds through the control API.
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
	"os"
	"strings"
	"time"

	"k8s.io/cri-streaming/pkg/streaming/portforward"
	"k8s.io/cri-streaming/pkg/streaming/remotecommand"
)

type forwardFlags map[int32]string

func (f forwardFlags) String() string { return fmt.Sprint(map[int32]string(f)) }

func (f forwardFlags) Set(v string) error {
	port, target, ok := strings.Cut(v, "=")
	var p int32
	if _, err := fmt.Sscanf(port, "%d", &p); !ok || err != nil || target == "" {
		return fmt.Errorf("expected PORT=HOST:PORT, got %q", v)
	}
	f[p] = target
	return nil
}

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "HTTPS address of the kubelet API")
	control := flag.String("control", "127.0.0.1:0", "plain HTTP address of the control API")
	certFile := flag.String("tls-cert-file", "", "serving certificate (PEM)")
	keyFile := flag.String("tls-key-file", "", "serving key (PEM)")
	clientCA := flag.String("client-ca-file", "", "CA that verifies client certificates, if any are presented")
	readyFile := flag.String("ready-file", "", "written with the bound addresses once both listeners are up")
	forwards := forwardFlags{}
	flag.Var(forwards, "forward", "default port-forward target for every pod, PORT=HOST:PORT (repeatable)")
	flag.Parse()

	a := newAgent(forwards)
	tlsConfig, err := serverTLS(*certFile, *keyFile, *clientCA)
	if err != nil {
		log.Fatal(err)
	}
	kubeletLn, err := tls.Listen("tcp", *listen, tlsConfig)
	if err != nil {
		log.Fatal(err)
	}
	controlLn, err := net.Listen("tcp", *control)
	if err != nil {
		log.Fatal(err)
	}
	if *readyFile != "" {
		if err := ready.Write(*readyFile, kubeletLn.Addr().String(), controlLn.Addr().String()); err != nil {
			log.Fatal(err)
		}
	}
	go func() { log.Fatal(http.Serve(controlLn, a.controlHandler())) }()
	log.Fatal(http.Serve(kubeletLn, a.kubeletHandler()))
}

func serverTLS(certFile, keyFile, clientCA string) (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, fmt.Errorf("loading the serving certificate: %w", err)
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, NextProtos: []string{"http/1.1"}}
	if clientCA != "" {
		pem, err := os.ReadFile(clientCA)
		if err != nil {
			return nil, err
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("%s: no certificates", clientCA)
		}
		cfg.ClientCAs = pool
		cfg.ClientAuth = tls.VerifyClientCertIfGiven
	}
	return cfg, nil
}

// kubeletHandler serves the paths the API server proxies to a kubelet.
func (a *agent) kubeletHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/exec/{namespace}/{pod}/{container}", a.serveExec)
	mux.HandleFunc("/portForward/{namespace}/{pod}", a.servePortForward)
	mux.HandleFunc("/containerLogs/{namespace}/{pod}/{container}", a.serveLogs)
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "ok") })
	return mux
}

const (
	streamIdleTimeout     = 4 * time.Hour
	streamCreationTimeout = 30 * time.Second
)

func (a *agent) serveExec(w http.ResponseWriter, r *http.Request) {
	opts, err := remotecommand.NewOptions(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	cmd := r.URL.Query()["command"]
	if len(cmd) == 0 {
		http.Error(w, "no command", http.StatusBadRequest)
		return
	}
	ex := &executor{namespace: r.PathValue("namespace")}
	remotecommand.ServeExec(w, r, ex, r.PathValue("pod"), "", r.PathValue("container"), cmd, opts,
		streamIdleTimeout, streamCreationTimeout, remotecommand.SupportedStreamingProtocols)
}

func (a *agent) servePortForward(w http.ResponseWriter, r *http.Request) {
	opts, err := portforward.NewV4Options(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	fw := &forwarder{agent: a, namespace: r.PathValue("namespace")}
	portforward.ServePortForward(w, r, fw, r.PathValue("pod"), "", opts,
		streamIdleTimeout, streamCreationTimeout, portforward.SupportedProtocols)
}
