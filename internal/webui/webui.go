// Package webui serves the browser apps that web/ builds: the explorer (a
// single-page app at / and at every entity's deep link) and the GraphiQL
// playground at /graphiql. The built files are committed under dist and
// embedded, so `go build` needs no Node step; scripts/test rebuilds them and
// fails when the rebuild differs from what is committed.
package webui

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
)

//go:embed all:dist
var dist embed.FS

// Files is the built web app: index.html, graphiql.html and assets/.
func Files() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the embedded directory always exists
	}
	return sub
}

// AppRoutes are the first path segments of the explorer's deep links: the
// server answers GET /<route>/... with the app's page, which routes in the
// browser; other unknown paths stay 404. web/src/App.tsx routes the same
// list.
var AppRoutes = []string{
	"person", "organisation", "place", "negotiation", "event", "source", "claim", "attribution",
	"search", "graph", "paths", "timeline", "disputes", "editor",
}

// App serves the explorer's page for / and its deep links.
func App() http.Handler { return page("index.html") }

// GraphiQL serves the playground's page.
func GraphiQL() http.Handler { return page("graphiql.html") }

// Assets serves /assets/: content-hashed file names, so they are cached for
// a year. Scripts and styles go gzipped to clients that accept it,
// compressed once per file on first request.
func Assets() http.Handler {
	files := http.FileServerFS(Files())
	var zipped sync.Map // path -> []byte
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Add("Vary", "Accept-Encoding")
		name := strings.TrimPrefix(r.URL.Path, "/")
		ext := path.Ext(name)
		if (ext != ".js" && ext != ".css") || !acceptsGzip(r) || r.Header.Get("Range") != "" {
			files.ServeHTTP(w, r)
			return
		}
		body, ok := zipped.Load(name)
		if !ok {
			raw, err := fs.ReadFile(Files(), name)
			if err != nil {
				files.ServeHTTP(w, r) // its 404
				return
			}
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			_, _ = zw.Write(raw)
			_ = zw.Close()
			body, _ = zipped.LoadOrStore(name, buf.Bytes())
		}
		h.Set("Content-Type", mime.TypeByExtension(ext))
		h.Set("Content-Encoding", "gzip")
		h.Set("Content-Length", strconv.Itoa(len(body.([]byte))))
		if r.Method != http.MethodHead {
			_, _ = w.Write(body.([]byte))
		}
	})
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

func page(name string) http.Handler {
	body, err := fs.ReadFile(Files(), name)
	if err != nil {
		panic("webui: " + name + " is not embedded; run `npm run build` in web/: " + err.Error())
	}
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		// The page names content-hashed assets: revalidate it every time.
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(body)
	})
}
