//go:build !unix

package ask

import (
	"errors"
	"time"
)

// readable cannot wait for input here; the menu is then drawn again at a
// new size only on the next key.
func readable(uintptr, time.Duration) (bool, error) {
	return false, errors.ErrUnsupported
}
