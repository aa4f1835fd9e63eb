//! IPTC 7901's transmission stamp, the date line of agency wire copy: `131137 GMT Nov 13`.

use time::Time;

use super::calendar::{expand_year, month_name, Ctx, Ymd};
use super::clock::{zone, Clock};
use super::tokens::Cur;
use crate::article::DatePrecision;

/// IPTC 7901's transmission stamp `131137 GMT Nov 13`: day, hour and minute as six
/// digits, the zone, the month name and the year. Without the zone (dpa's `211259 Nov 18`)
/// only `parse_date` takes it: in running text six digits and a month are too weak.
/// Returns the calendar part, the time and where the stamp ends.
pub(super) fn wire_stamp(mut c: Cur, ctx: &Ctx) -> Option<(Ymd, Clock, usize)> {
    let v = c.num(6, 6)?;
    let (day, hour, minute) = (v / 10_000, v / 100 % 100, v % 100);
    let offset = zone(&mut c);
    if offset.is_none() && !ctx.whole {
        return None;
    }
    let month = month_name(&mut c)?;
    let year = match c.num(4, 4) {
        Some(y) => y as i32,
        None => expand_year(c.num(2, 2)?, ctx.now_year)?,
    };
    if c.continues_number() {
        return None;
    }
    let field = |v: u32| u8::try_from(v).ok();
    let time = Time::from_hms(field(hour)?, field(minute)?, 0).ok()?;
    let clock = Clock {
        time,
        precision: DatePrecision::Minute,
        offset,
    };
    Some((Ymd::day(year, month, day), clock, c.i))
}
