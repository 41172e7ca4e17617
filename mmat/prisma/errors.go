package prisma

import "errors"

// Sentinel errors; test with errors.Is. They arrive inside an
// *effect.FieldError naming the box (Field) and, for files, the line,
// column and data name (Record).
var (
	// ErrInvalidInput: a negative count, an empty reason or source name,
	// or a file that cannot be read.
	ErrInvalidInput = errors.New("prisma: invalid input")
	// ErrInconsistent: counts that break an identity holding by
	// definition (Validate's errors).
	ErrInconsistent = errors.New("prisma: counts do not add up")
	// ErrUnusual: counts that break an identity that only usually holds
	// (Validate's warnings): explain them in the review.
	ErrUnusual = errors.New("prisma: counts unusual")
)
