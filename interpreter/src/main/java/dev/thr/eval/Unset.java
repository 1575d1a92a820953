package dev.thr.eval;

/** The content of a variable that has not been assigned yet. */
enum Unset {
    VALUE
}
