package io.github.rltrading.cli;

import io.github.rltrading.env.bars.MarketHours;

/** Trading hours by a short name, for synthetic markets and for telling session breaks from gaps. */
enum Hours {
    /** US equities' regular session, 09:30-16:00 New York: 390 one-minute bars a day. */
    RTH(MarketHours.US_EQUITY_RTH),
    /** US equities with pre- and post-market. */
    EXTENDED(MarketHours.US_EQUITY_EXTENDED),
    /** CME Globex futures, 18:00-17:00 Chicago: 1,380 one-minute bars a day. */
    GLOBEX(MarketHours.CME_GLOBEX),
    /** Calendar days in UTC. */
    UTC(MarketHours.UTC_DAYS);

    final MarketHours hours;

    Hours(MarketHours hours) {
        this.hours = hours;
    }
}
