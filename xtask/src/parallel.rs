//! Work spread over the machine's cores: the release build runs wasm-opt
//! on a hundred chunks and Zopfli on every file, each minutes one at a time.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// `work` on every item, one item per core at a time, the results in the
/// items' order; the first error stops the workers taking new items.
/// `what` names the work in the message if a worker dies.
pub fn map<T: Sync, R: Send>(
    items: &[T],
    what: &str,
    work: impl Fn(&T) -> Result<R, String> + Sync,
) -> Result<Vec<R>, String> {
    let next = AtomicUsize::new(0);
    let failed = std::sync::atomic::AtomicBool::new(false);
    let done: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    let stopped = || format!("a {what} worker stopped unexpectedly");
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let worker = || -> Result<(), String> {
        while !failed.load(Ordering::Relaxed) {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return Ok(());
            };
            let result = work(item).inspect_err(|_| failed.store(true, Ordering::Relaxed))?;
            let mut done = done.lock().map_err(|_| stopped())?;
            if let Some(slot) = done.get_mut(i) {
                *slot = Some(result);
            }
        }
        Ok(())
    };
    std::thread::scope(|scope| {
        let running: Vec<_> = (0..workers).map(|_| scope.spawn(worker)).collect();
        running
            .into_iter()
            .try_for_each(|w| w.join().unwrap_or_else(|_| Err(stopped())))
    })?;
    done.into_inner()
        .map_err(|_| stopped())?
        .into_iter()
        .map(|r| r.ok_or_else(|| format!("a {what} worker left an item undone")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_items_order() {
        let items: Vec<u32> = (0..50).collect();
        let out = map(&items, "test", |n| Ok(n * 2)).unwrap();
        assert_eq!(out, (0..50).map(|n| n * 2).collect::<Vec<_>>());
    }

    #[test]
    fn an_error_is_returned() {
        let items: Vec<u32> = (0..20).collect();
        let err = map(&items, "test", |n| {
            if *n == 7 {
                Err("seven".into())
            } else {
                Ok(*n)
            }
        })
        .unwrap_err();
        assert_eq!(err, "seven");
    }
}
