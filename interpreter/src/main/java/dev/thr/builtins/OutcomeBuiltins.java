package dev.thr.builtins;

import static dev.thr.eval.Signature.of;

import dev.thr.value.ThrError;
import dev.thr.value.Values;

/**
 * `expect(value, allowed=)`: what a run came to, for experiments that run a program many
 * times (JCStress's outcomes). `thr --explore --outcomes` counts the values a program
 * declares instead of its output, and a value outside `allowed` fails the run as an assert
 * would, so exploring finds the schedule that gives it.
 */
final class OutcomeBuiltins {
    private OutcomeBuiltins() {}

    static void register(Registry r) {
        r.function("expect", of("expect", "value", "allowed="), (ctx, a) -> {
            Object value = a[0];
            ctx.scheduler().shared("declared"); // the run's declared values, in the order declared
            ctx.interpreter().declare(Values.repr(value));
            if (Args.given(a[1]) && a[1] != null) {
                boolean ok = false;
                for (var it = Values.iterate(a[1]); it.hasNext() && !ok; ) ok = Values.equal(it.next(), value);
                if (!ok) {
                    throw new ThrError("AssertionError", Values.repr(value) + " is not one of the outcomes allowed: " + Values.repr(a[1]));
                }
            }
            return null;
        });
    }
}
