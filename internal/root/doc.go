// Package root finds roots of scalar functions of one variable.
//
// It offers these pieces, usually used together:
//
//   - [Brent] finds a root of f inside a bracket [a, b] on which f changes
//     sign, using Brent's method: inverse quadratic interpolation and secant
//     steps, safeguarded by bisection so that the bracket always shrinks.
//   - [FindBracket] expands geometrically from a starting guess until f
//     changes sign, for functions that are monotone on the search range.
//   - [SolveMonotone] chains the two.
//   - [Newton] and [Halley] take derivative steps from a good guess (2-5
//     evaluations instead of 8-15), kept inside the bracket as soon as one
//     is known, and fall back to FindBracket and Brent if a step fails.
//
// All functions return errors instead of panicking. Bad arguments wrap
// [ErrInvalidInput]; a function value that is NaN wraps [ErrNaN]; a search
// that cannot find a sign change wraps [ErrNoBracket]; an iteration limit
// wraps [ErrNoConvergence]. Infinite function values are allowed and are
// used only through their sign, so functions such as log(p) - log(target)
// that reach -Inf where p underflows can be solved directly.
//
// Convergence is declared when the bracket around the root is no wider than
// 2·(AbsTol + RelTol·|x|), or when f(x) is exactly zero.
//
// # References
//
//   - R. P. Brent (1973). Algorithms for Minimization without Derivatives,
//     chapter 4. Prentice-Hall. (The ZEROIN algorithm.)
//   - G. E. Forsythe, M. A. Malcolm and C. B. Moler (1977). Computer Methods
//     for Mathematical Computations, section 7.2 (zeroin.f).
//   - W. H. Press et al. (2007). Numerical Recipes, 3rd ed., sections 9.3
//     (Brent) and 9.4 (safeguarded Newton-Raphson).
//   - E. Halley (1694); see T. R. Scavo and J. B. Thoo (1995). On the
//     geometry of Halley's method. American Mathematical Monthly 102(5),
//     417–426.
package root
