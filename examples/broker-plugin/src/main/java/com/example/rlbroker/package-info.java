/**
 * An example third-party broker plug-in: {@link com.example.rlbroker.PaperBroker}, found by the
 * SDK as {@code broker: paper-example} through {@code META-INF/services}. Copy this module to start
 * an adapter for your own venue: replace the in-memory matching with calls to it, keep the tests.
 */
package com.example.rlbroker;
