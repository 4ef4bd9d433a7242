// Package ready tells the test harness where a helper listens: a small JSON file written once
// every listener is up.
package ready

import (
	"encoding/json"
	"os"
)

// Write records the bound addresses in path atomically, so a reader never sees half a file.
func Write(path, listen, control string) error {
	data, err := json.Marshal(map[string]string{"listen": listen, "control": control})
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
