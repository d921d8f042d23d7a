//! `--throttle N`: at most N requests a minute per agent, answered beyond that with 429 and
//! `Retry-After`, as Partner Center throttles, so that scripts can prove their retry logic.
//! Each agent has a bucket of N requests that refills evenly over a minute.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const MINUTE: Duration = Duration::from_secs(60);

/// One agent's allowance at one moment.
#[derive(Debug, Clone, Copy)]
struct Bucket {
    /// What is left, in units of which one request costs a minute's nanoseconds and each
    /// nanosecond refills `per_minute`: whole numbers, so no rounding drifts.
    left: u128,
    at: Instant,
}

/// The buckets of every agent who asked.
#[derive(Debug)]
pub struct Throttle {
    per_minute: u32,
    buckets: Mutex<HashMap<String, Bucket>>,
}

impl Throttle {
    /// None for 0: no throttling.
    pub fn per_minute(requests: u32) -> Option<Throttle> {
        (requests > 0).then(|| Throttle {
            per_minute: requests,
            buckets: Mutex::new(HashMap::new()),
        })
    }

    /// Takes one request of `agent`'s allowance at `now`, or says how long until one is free.
    pub fn take(&self, agent: &str, now: Instant) -> Result<(), Duration> {
        let cost = MINUTE.as_nanos();
        let refill = u128::from(self.per_minute);
        let capacity = cost * refill;
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        let bucket = buckets.entry(agent.to_string()).or_insert(Bucket {
            left: capacity,
            at: now,
        });
        let elapsed = now.saturating_duration_since(bucket.at).as_nanos();
        bucket.left = (bucket.left + elapsed * refill).min(capacity);
        bucket.at = now;
        if bucket.left >= cost {
            bucket.left -= cost;
            Ok(())
        } else {
            let nanos = (cost - bucket.left).div_ceil(refill);
            Err(Duration::from_nanos(
                u64::try_from(nanos).unwrap_or(u64::MAX),
            ))
        }
    }
}

/// `Retry-After` in whole seconds, never 0 (a client told 0 would ask again at once).
pub fn retry_after_seconds(wait: Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_means_no_throttle() {
        assert!(Throttle::per_minute(0).is_none());
    }

    #[test]
    fn an_agent_gets_n_requests_then_waits_for_the_next_to_refill() {
        let throttle = Throttle::per_minute(3).unwrap();
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(throttle.take("ann", start), Ok(()));
        }
        let wait = throttle.take("ann", start).unwrap_err();
        assert_eq!(retry_after_seconds(wait), 20, "{wait:?}");
        // Another agent has an allowance of its own.
        assert_eq!(throttle.take("bob", start), Ok(()));
        // Twenty seconds refill one request of three a minute.
        let later = start + Duration::from_secs(20);
        assert_eq!(throttle.take("ann", later), Ok(()));
        assert!(throttle.take("ann", later).is_err());
    }

    #[test]
    fn an_idle_agent_never_saves_more_than_one_minute_of_requests() {
        let throttle = Throttle::per_minute(2).unwrap();
        let start = Instant::now();
        let hour_later = start + Duration::from_secs(3600);
        assert_eq!(throttle.take("ann", start), Ok(()));
        assert_eq!(throttle.take("ann", hour_later), Ok(()));
        assert_eq!(throttle.take("ann", hour_later), Ok(()));
        assert!(throttle.take("ann", hour_later).is_err());
    }

    #[test]
    fn retry_after_rounds_up_to_a_whole_second_never_zero() {
        assert_eq!(retry_after_seconds(Duration::from_millis(1)), 1);
        assert_eq!(retry_after_seconds(Duration::from_millis(1500)), 2);
        assert_eq!(retry_after_seconds(Duration::from_secs(2)), 2);
        assert_eq!(retry_after_seconds(Duration::ZERO), 1);
    }
}
