package io.github.rltrading.broker.nt8.protocol;

/** A message broke protocol v1; becomes an {@code error} message to the peer, with this code and text. */
public final class ProtocolException extends Exception {
    private final ErrorCode code;
    private final String requestId;

    public ProtocolException(ErrorCode code, String message, String requestId) {
        super(message);
        this.code = code;
        this.requestId = requestId;
    }

    public ErrorCode code() {
        return code;
    }

    /** The id of the request the error answers, or null. */
    public String requestId() {
        return requestId;
    }
}
