// Compile-time check that two types describe the same shape (each assignable to the other), for
// places where a hand-written declaration must stay in step with an inferred or generated one:
// `const check: Same<A, B> = true;` stops compiling when they drift apart.
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
