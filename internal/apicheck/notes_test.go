package apicheck

import (
	"bufio"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// projectNotes are the project's planning and reference notes. Public
// docs, strings and scripts cite the primary literature instead: a reader
// of the module has no access to the notes.
var projectNotes = regexp.MustCompile(`\b(appraisal|effect-anchors|instruments|mmrm|networks|mi|prisma|go-anchors|appraisal-tools)\.md\b`)

// timing matches a duration or a rate in prose: "2.5 µs", "0.8 s",
// "120 ns/op", "3 seconds". Doc comments carry no timings (they go
// stale); the README's table holds them.
// A bare "s" needs a space ("0.8 s"), so that "seven 1s" and "8s⁴" pass.
var timing = regexp.MustCompile(`\d(\.\d+)?\s?(ns|µs|μs|ms)\b|\d(\.\d+)?\s(s|sec|seconds?)\b|\d\s?ns/op`)

// textFiles lists the module's source, documentation and script files.
func textFiles(t *testing.T, root string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".md", ".R", ".r", ".py", ".json", ".sh", ".txt":
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestNoProjectNotes fails for every line of code, docs, strings, JSON or
// script that cites one of the project's notes.
func TestNoProjectNotes(t *testing.T) {
	root := moduleRoot(t)
	for _, path := range textFiles(t, root) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
		for n := 1; sc.Scan(); n++ {
			if m := projectNotes.FindString(sc.Text()); m != "" {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s:%d cites the project's note %s; cite the primary literature", rel, n, m)
			}
		}
		f.Close()
	}
}

// TestNoTimingsInDocs fails for a doc comment (of a package or of a
// declaration) that states a timing.
func TestNoTimingsInDocs(t *testing.T) {
	root := moduleRoot(t)
	for _, path := range textFiles(t, root) {
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			continue // not ours to judge (e.g. a template)
		}
		docs := []*ast.CommentGroup{f.Doc}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				docs = append(docs, d.Doc)
			case *ast.GenDecl:
				docs = append(docs, d.Doc)
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						docs = append(docs, s.Doc)
						if st, ok := s.Type.(*ast.StructType); ok {
							for _, fl := range st.Fields.List {
								docs = append(docs, fl.Doc)
							}
						}
					case *ast.ValueSpec:
						docs = append(docs, s.Doc)
					}
				}
			}
		}
		for _, c := range docs {
			if c == nil {
				continue
			}
			if m := timing.FindString(c.Text()); m != "" {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s:%d: doc comment states a timing (%q); timings go in the README table", rel, fset.Position(c.Pos()).Line, m)
			}
		}
	}
}
