package exampledata

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

// File names written by Write.
const (
	ParticipantsFile = "participants.csv"
	ResponsesFile    = "responses.csv"
)

// Write writes participants.csv (participant_id, team, arm) and
// responses.csv (participant_id, month and one column per item) into dir.
func (tr Trial) Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, ParticipantsFile), tr.writeParticipants); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, ResponsesFile), tr.writeResponses)
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("exampledata: writing %s: %w", path, err)
	}
	return f.Close()
}

func (tr Trial) writeParticipants(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"participant_id", "team", "arm"})
	for _, p := range tr.Participants {
		cw.Write([]string{p.ID, p.Team, p.Arm})
	}
	cw.Flush()
	return cw.Error()
}

// ResponseHeader is the header row of responses.csv.
func ResponseHeader() []string {
	h := []string{"participant_id", "month"}
	h = append(h, UCLA3Columns...)
	h = append(h, DJG6Columns...)
	return append(h, LSNS6Columns...)
}

func (tr Trial) writeResponses(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(ResponseHeader())
	for _, r := range tr.Responses {
		rec := []string{r.ID, strconv.Itoa(r.Month)}
		rec = append(rec, r.UCLA3...)
		rec = append(rec, r.DJG6...)
		rec = append(rec, r.LSNS6...)
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}
