package dev.thr.api;

import java.util.List;

/**
 * A Java function a host gives to scripts: `Thr.builder().function("fetch", args -> ...)`.
 * Arguments arrive as Java values (Long, Double, String, Boolean, null, List, Map); the result
 * goes back the same way. An exception it throws becomes a thr error in the script
 * (a ThrException's kind is kept; anything else is a HostError with its message).
 * It may be called from several script threads at once.
 */
@FunctionalInterface
public interface HostFunction {
    Object call(List<Object> args) throws Exception;
}
