package apicheck

import (
	"go/ast"
	"go/build"
	"go/doc"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// inProgress lists the packages (import paths relative to the module, a
// trailing "/..." for a whole tree) whose missing Examples are logged, not
// failed. Only the example application is left: its packages are internal
// and are exercised end to end by internal/cmd/example's test.
var inProgress = []string{
	"internal/trialreport",
	"internal/exampledata",
	"internal/cmd/...",
}

func allowed(rel string) bool {
	for _, p := range inProgress {
		if tree, ok := strings.CutSuffix(p, "/..."); ok {
			if rel == tree || strings.HasPrefix(rel, tree+"/") {
				return true
			}
		} else if rel == p {
			return true
		}
	}
	return false
}

// moduleRoot walks up from the test's directory to the one with go.mod.
// APICHECK_ROOT names another checkout to audit instead (for example a
// branch's worktree): APICHECK_ROOT=/path/to/tree go test -v ./internal/apicheck.
func moduleRoot(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("APICHECK_ROOT"); dir != "" {
		return dir
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// packageDirs returns the module's package directories (relative paths,
// "." for the root), skipping testdata, hidden and underscore directories
// as the go command does.
func packageDirs(t *testing.T, root string) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		if path != root {
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // another module
			}
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		dirs = append(dirs, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// runnable reports whether one of exs is run by go test, that is, has an
// output comment ("// Output:" or "// Unordered output:", possibly empty).
func runnable(exs []*doc.Example) bool {
	for _, ex := range exs {
		if ex.Output != "" || ex.EmptyOutput {
			return true
		}
	}
	return false
}

// outputLine matches an output comment line anywhere in a comment group.
var outputLine = regexp.MustCompile(`(?im)^[[:space:]]*(unordered )?output:`)

// silent returns the names of the Examples in exs that carry an output
// comment which go test ignores: it is run only when the output comment
// starts the last comment group of the function, so a remark on the lines
// just above "// Output:" turns the Example into one that is compiled but
// never run.
func silent(exs []*doc.Example) []string {
	var names []string
	for _, ex := range exs {
		if ex.Output != "" || ex.EmptyOutput {
			continue
		}
		for _, c := range ex.Comments {
			if outputLine.MatchString(c.Text()) {
				names = append(names, "Example"+ex.Name)
				break
			}
		}
	}
	return names
}

// missingExamples parses the package in dir (with its test files, where
// the Examples live, and the build constraints of the current platform)
// and returns the exported functions and methods of exported types that
// have no runnable Example, as "Func" or "Type.Method".
func missingExamples(t *testing.T, dir string) (name string, missing, notRun []string) {
	t.Helper()
	bp, err := build.Default.ImportDir(dir, 0)
	if err != nil {
		if _, ok := err.(*build.NoGoError); ok {
			return "", nil, nil
		}
		t.Fatalf("%s: %v", dir, err)
	}
	if bp.Name == "main" {
		return bp.Name, nil, nil // a command has no API
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, list := range [][]string{bp.GoFiles, bp.CgoFiles, bp.TestGoFiles, bp.XTestGoFiles} {
		for _, f := range list {
			af, err := parser.ParseFile(fset, filepath.Join(dir, f), nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, af)
		}
	}
	p, err := doc.NewFromFiles(fset, files, bp.ImportPath)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	check := func(name string, exs []*doc.Example) {
		if !runnable(exs) {
			missing = append(missing, name)
		}
	}
	for _, f := range p.Funcs {
		check(f.Name, f.Examples)
	}
	for _, ty := range p.Types {
		for _, f := range ty.Funcs {
			check(f.Name, f.Examples)
		}
		for _, m := range ty.Methods {
			check(ty.Name+"."+m.Name, m.Examples)
		}
	}
	// Examples of the package, of types and of unexported names can be
	// silent too.
	all := doc.Examples(files...)
	notRun = silent(all)
	sort.Strings(missing)
	sort.Strings(notRun)
	return p.Name, missing, notRun
}

// TestExamples fails for every exported function or method without a
// runnable Example, outside the packages still in progress, and logs the
// whole module's list (go test -v ./internal/apicheck shows it).
func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("parses the whole module")
	}
	root := moduleRoot(t)
	total := 0
	for _, rel := range packageDirs(t, root) {
		_, missing, notRun := missingExamples(t, filepath.Join(root, rel))
		report := t.Errorf
		if allowed(rel) {
			report = t.Logf
		}
		if len(notRun) > 0 {
			report("%s: Examples with an output comment go test ignores (it must start the function's last comment block): %s",
				rel, strings.Join(notRun, ", "))
		}
		if len(missing) == 0 {
			continue
		}
		total += len(missing)
		report("%s: %d exported functions/methods without a runnable Example: %s",
			rel, len(missing), strings.Join(missing, ", "))
	}
	t.Logf("module: %d exported functions/methods without a runnable Example", total)
}

// TestAllowed keeps the allow-list honest: every entry names a directory
// that exists (a finished or renamed package must leave the list).
func TestAllowed(t *testing.T) {
	root := moduleRoot(t)
	for _, p := range inProgress {
		dir := strings.TrimSuffix(p, "/...")
		if fi, err := os.Stat(filepath.Join(root, dir)); err != nil || !fi.IsDir() {
			t.Logf("allow-list entry %q names no directory on this branch", p)
		}
	}
}
