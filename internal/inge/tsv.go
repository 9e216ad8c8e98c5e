package inge

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// tsvRow is a data row of a TSV data file, with its line number.
type tsvRow struct {
	line   int
	fields []string
}

// readTSV reads the data files of this package (catalogue, code lists,
// course structure): lines starting with # are comments, the first other
// line is the header, and every data row must have exactly columns fields.
// It also returns the comment lines, which some files use for metadata.
func readTSV(data []byte, columns int) (rows []tsvRow, comments []string, err error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	header := true
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#"):
			comments = append(comments, line)
			continue
		case line == "":
			continue
		case header:
			header = false
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != columns {
			return nil, nil, fmt.Errorf("line %d: %d columns, want %d", n, len(f), columns)
		}
		rows = append(rows, tsvRow{line: n, fields: f})
	}
	return rows, comments, sc.Err()
}
