//! The `lighthouse` step: Lighthouse's default mobile run (simulated slow 4G,
//! 4x CPU slowdown) on each page of the release build, checked against
//! `budgets.json`.
//!
//! The build is served by sirv, the server the browser tests use, so
//! precompressed `.gz` files are sent as a real host sends them. Pages run
//! one after another: two Chromes at once on a 2-core machine would slow
//! each other and inflate Total Blocking Time.
//!
//! The CPU slowdown is calibrated to the host in every run (see
//! `calibrate`): a fixed 4x on these slow, shared machines modelled a far
//! slower phone than Lighthouse intends, and swung with the load.
//!
//! Each page runs once, and again (up to three runs) only while it misses
//! an enforced threshold; the page passes if any run does. A passing build
//! pays for one run per page (about 25 s each). Three, not two: on a shared
//! 2-core CI machine the same build measured Total Blocking Time of 212 ms
//! on `/` in one run and 1098 ms in the next two, so two slow runs in a
//! row happen; a regression fails all three.

use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::{cmd, project};

mod calibrate;

pub const BUDGETS_FILE: &str = "budgets.json";
const CHROME: &str = "/usr/bin/chromium";
/// The browser tests' flags: no sandbox (CI runs as root), and no
/// background traffic that would show up in the measurements.
const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run";
/// A page takes about 20 s; Lighthouse's own load timeout is 45 s. This
/// bound catches a hung Chrome without cutting a slow but working run.
const PAGE_TIMEOUT: Duration = Duration::from_secs(120);
const RUNS_PER_PAGE: usize = 3;

/// Thresholds from one set (`target` or `enforced`) for one page.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    pub min_performance: f64,
    pub max_lcp_ms: f64,
    pub max_tbt_ms: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PageBudget {
    pub path: String,
    pub target: Thresholds,
    pub enforced: Thresholds,
}

/// The figures read from one Lighthouse report.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub performance: f64,
    pub fcp_ms: f64,
    pub lcp_ms: f64,
    pub tbt_ms: f64,
    pub cls: f64,
    pub transfer_bytes: f64,
    pub requests: usize,
    /// Requests made by a worker (the service worker precaching), included
    /// in `requests` and `transfer_bytes`.
    pub worker_requests: usize,
    /// The host's speed as Lighthouse measured it in this run, and the CPU
    /// slowdown the run was audited with (see `calibrate`).
    pub benchmark_index: f64,
    pub cpu_multiplier: f64,
}

/// `cargo xtask lighthouse [DIR]`: the step on its own, on any build.
pub fn run(args: &[String]) -> Result<(), String> {
    let dist = match args {
        [] => project::dist(),
        [dir] => PathBuf::from(dir),
        _ => return Err("usage: cargo xtask lighthouse [DIR]  (DIR defaults to dist/)".into()),
    };
    let line = check(&dist)?;
    println!("{line}");
    Ok(())
}

/// Measures every page in `budgets.json` on the build in `dist`.
pub fn check(dist: &Path) -> Result<String, String> {
    let budgets_path = project::root().join(BUDGETS_FILE);
    let budgets = load_budgets(&budgets_path)?;
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{} has no index.html; build first (trunk build --release)",
            dist.display()
        ));
    }
    let lighthouse = project::node_bin().join("lighthouse");
    if !lighthouse.exists() {
        return Err(format!(
            "{} is missing; run `cargo xtask test --only tools` to install the npm packages",
            lighthouse.display()
        ));
    }
    let reports = project::root().join("target").join("lighthouse");
    fs::create_dir_all(&reports)
        .map_err(|e| format!("cannot create {}: {e}", reports.display()))?;
    let server = Server::start(dist)?;
    println!(
        "  serving {} at {}; reports go to {}",
        dist.display(),
        server.origin(),
        reports.display()
    );

    let mut results: Vec<(&PageBudget, Measured)> = Vec::new();
    let mut failures = Vec::new();
    for page in &budgets {
        let url = format!("{}{}", server.origin(), page.path);
        let mut kept: Option<Measured> = None;
        for attempt in 1..=RUNS_PER_PAGE {
            let stem = format!("{}-run{attempt}", file_stem(&page.path));
            let run = run_lighthouse(
                &lighthouse,
                &url,
                &reports.join(format!("{stem}.json")),
                &reports.join(format!("{stem}.log")),
            );
            // A hung or crashed run gets the same second chance as a slow
            // one; failing every time is a real problem, reported as it is.
            let measured = match run {
                Ok(measured) => measured,
                Err(e) if attempt < RUNS_PER_PAGE => {
                    eprintln!("  {}: {e}\n  running it again", page.path);
                    continue;
                }
                Err(e) if kept.is_some() => {
                    eprintln!("  {}: {e}\n  keeping the earlier run", page.path);
                    break;
                }
                Err(e) => return Err(format!("{}: {e}", page.path)),
            };
            print_page(page, &measured, attempt);
            let passed = misses(&measured, &page.enforced).is_empty();
            kept = Some(match kept {
                Some(earlier) if better(&earlier, &measured, &page.enforced) => earlier,
                _ => measured,
            });
            if passed {
                break;
            }
            if attempt < RUNS_PER_PAGE {
                println!(
                    "  {} missed an enforced threshold; running it again",
                    page.path
                );
            }
        }
        let Some(measured) = kept else {
            return Err(format!("{}: Lighthouse produced no result", page.path));
        };
        let missed = misses(&measured, &page.enforced);
        if !missed.is_empty() {
            failures.push(format!("{} {}", page.path, missed.join(", ")));
        }
        results.push((page, measured));
    }
    drop(server);

    print_summary(&results);
    let on_target = results
        .iter()
        .filter(|(page, m)| misses(m, &page.target).is_empty())
        .count();
    let worst = |f: fn(&Measured) -> f64| results.iter().map(|(_, m)| f(m)).fold(0.0, f64::max);
    let lowest = results
        .iter()
        .map(|(_, m)| m.performance)
        .fold(1.0, f64::min);
    let line = format!(
        "{} pages: lowest performance {lowest:.2}, slowest LCP {:.0} ms, highest TBT {:.0} ms; {on_target} of {} on target",
        results.len(),
        worst(|m| m.lcp_ms),
        worst(|m| m.tbt_ms),
        results.len()
    );
    if failures.is_empty() {
        Ok(line)
    } else {
        Err(format!(
            "{line}; over the enforced budget in {BUDGETS_FILE}: {}",
            failures.join("; ")
        ))
    }
}

/// Which thresholds a run misses, as short phrases.
pub fn misses(m: &Measured, t: &Thresholds) -> Vec<String> {
    let mut out = Vec::new();
    if m.performance < t.min_performance {
        out.push(format!(
            "performance {:.2} < {:.2}",
            m.performance, t.min_performance
        ));
    }
    if m.lcp_ms > t.max_lcp_ms {
        out.push(format!("LCP {:.0} ms > {:.0} ms", m.lcp_ms, t.max_lcp_ms));
    }
    if m.tbt_ms > t.max_tbt_ms {
        out.push(format!("TBT {:.0} ms > {:.0} ms", m.tbt_ms, t.max_tbt_ms));
    }
    out
}

/// Whether run `a` is at least as good as run `b`: fewer missed thresholds,
/// then the higher score.
fn better(a: &Measured, b: &Measured, enforced: &Thresholds) -> bool {
    let (ma, mb) = (misses(a, enforced).len(), misses(b, enforced).len());
    ma < mb || (ma == mb && a.performance >= b.performance)
}

fn run_lighthouse(
    lighthouse: &Path,
    url: &str,
    report: &Path,
    log: &Path,
) -> Result<Measured, String> {
    // An old report or old artifacts must never pass for this run's.
    let artifacts = report.with_extension("artifacts");
    if report.exists() {
        fs::remove_file(report).map_err(|e| format!("cannot remove {}: {e}", report.display()))?;
    }
    if artifacts.exists() {
        fs::remove_dir_all(&artifacts)
            .map_err(|e| format!("cannot remove {}: {e}", artifacts.display()))?;
    }
    let log_file =
        fs::File::create(log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
    let gather_mode = format!("-G={}", artifacts.display());
    let chrome_flags = format!("--chrome-flags={CHROME_FLAGS}");
    println!("  $ lighthouse {url} (log: {})", log.display());
    run_logged(
        lighthouse,
        &[
            url,
            "--only-categories=performance",
            &gather_mode,
            &chrome_flags,
            // CI has no reason to send crash reports anywhere.
            "--no-enable-error-reporting",
        ],
        &log_file,
        log,
    )?;
    let (index, multiplier) = calibrate::calibrate_artifacts(&artifacts)?;
    let audit_mode = format!("-A={}", artifacts.display());
    let slowdown = format!("--throttling.cpuSlowdownMultiplier={multiplier}");
    let output_path = format!("--output-path={}", report.display());
    println!(
        "    host benchmark index {index:.0}: CPU slowdown {multiplier}x (device index {:.0})",
        calibrate::TARGET_DEVICE_INDEX
    );
    run_logged(
        lighthouse,
        &[
            url,
            "--only-categories=performance",
            &audit_mode,
            &slowdown,
            "--output=json",
            &output_path,
            "--no-enable-error-reporting",
        ],
        &log_file,
        log,
    )?;
    let text = fs::read_to_string(report)
        .map_err(|e| format!("cannot read the report {}: {e}", report.display()))?;
    parse_report(&text).map_err(|e| format!("report {}: {e}", report.display()))
}

/// Runs Lighthouse with `args`, its output appended to `log`, within
/// `PAGE_TIMEOUT`.
fn run_logged(
    lighthouse: &Path,
    args: &[&str],
    log_file: &fs::File,
    log: &Path,
) -> Result<(), String> {
    let clone = || {
        log_file
            .try_clone()
            .map_err(|e| format!("cannot open {}: {e}", log.display()))
    };
    let lighthouse_str = lighthouse.to_string_lossy();
    let mut command = cmd::command(&lighthouse_str, args);
    command
        .env("CHROME_PATH", CHROME)
        .stdin(Stdio::null())
        .stdout(clone()?)
        .stderr(clone()?);
    let mut child = command
        .spawn()
        .map_err(|e| format!("could not start {}: {e}", lighthouse.display()))?;
    let status = match wait_with_timeout(&mut child, PAGE_TIMEOUT)? {
        Some(status) => status,
        None => {
            stop(&mut child);
            return Err(format!(
                "Lighthouse did not finish within {} s (Chrome hung or the page never loaded); log: {}\n{}",
                PAGE_TIMEOUT.as_secs(),
                log.display(),
                tail(log)
            ));
        }
    };
    if !status.success() {
        return Err(format!(
            "Lighthouse failed ({status}); log: {}\n{}",
            log.display(),
            tail(log)
        ));
    }
    Ok(())
}

fn wait_with_timeout(child: &mut Child, limit: Duration) -> Result<Option<ExitStatus>, String> {
    let started = Instant::now();
    loop {
        if let Some(status) = child
            .try_wait()
            .map_err(|e| format!("cannot wait for Lighthouse: {e}"))?
        {
            return Ok(Some(status));
        }
        if started.elapsed() >= limit {
            return Ok(None);
        }
        sleep(Duration::from_millis(200));
    }
}

/// Stops a Lighthouse run. SIGINT first: Lighthouse's Chrome runs in its
/// own process group, and only Lighthouse's SIGINT handler kills it.
fn stop(child: &mut Child) {
    let pid = child.id().to_string();
    let _ = cmd::command("kill", &["-INT", &pid])
        .stderr(Stdio::null())
        .status();
    if !matches!(
        wait_with_timeout(child, Duration::from_secs(10)),
        Ok(Some(_))
    ) {
        let _ = child.kill();
        let _ = child.wait();
    }
}

/// The last lines of a log, to show why a run failed without opening it.
fn tail(log: &Path) -> String {
    const MAX: u64 = 3000;
    let Ok(mut file) = fs::File::open(log) else {
        return String::new();
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let _ = file.seek(SeekFrom::Start(len.saturating_sub(MAX)));
    let mut text = String::new();
    let _ = file.read_to_string(&mut text);
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(15)..].join("\n")
}

/// Reads the figures out of a Lighthouse JSON report.
pub fn parse_report(text: &str) -> Result<Measured, String> {
    let report: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    if let Some(error) = report.get("runtimeError") {
        let code = error.get("code").and_then(Value::as_str).unwrap_or("?");
        let message = error.get("message").and_then(Value::as_str).unwrap_or("");
        return Err(format!(
            "Lighthouse could not measure the page: {code} {message}"
        ));
    }
    let performance = report
        .pointer("/categories/performance/score")
        .and_then(Value::as_f64)
        .ok_or("no performance score (the page may not have painted)")?;
    let audit = |name: &str| -> Result<f64, String> {
        report
            .pointer(&format!("/audits/{name}/numericValue"))
            .and_then(Value::as_f64)
            .ok_or_else(|| format!("audit {name} has no figure"))
    };
    let items = report
        .pointer("/audits/network-requests/details/items")
        .and_then(Value::as_array)
        .ok_or("audit network-requests has no list of requests")?;
    let worker_requests = items
        .iter()
        .filter(|item| item.get("sessionTargetType").and_then(Value::as_str) == Some("worker"))
        .count();
    Ok(Measured {
        performance,
        fcp_ms: audit("first-contentful-paint")?,
        lcp_ms: audit("largest-contentful-paint")?,
        tbt_ms: audit("total-blocking-time")?,
        cls: audit("cumulative-layout-shift")?,
        transfer_bytes: audit("total-byte-weight")?,
        requests: items.len(),
        worker_requests,
        benchmark_index: report
            .pointer("/environment/benchmarkIndex")
            .and_then(Value::as_f64)
            .unwrap_or(f64::NAN),
        cpu_multiplier: report
            .pointer("/configSettings/throttling/cpuSlowdownMultiplier")
            .and_then(Value::as_f64)
            .unwrap_or(f64::NAN),
    })
}

fn print_page(page: &PageBudget, m: &Measured, attempt: usize) {
    let (t, e) = (&page.target, &page.enforced);
    let verdict = |over_enforced: bool, over_target: bool| {
        if over_enforced {
            "FAIL"
        } else if over_target {
            "ok, misses target"
        } else {
            "ok"
        }
    };
    println!("  {} (run {attempt})", page.path);
    println!(
        "    {:<12} {:>10}  {:>9}  {:>9}",
        "metric", "measured", "target", "enforced"
    );
    println!(
        "    {:<12} {:>10.2}  {:>9}  {:>9}  {}",
        "performance",
        m.performance,
        format!(">= {:.2}", t.min_performance),
        format!(">= {:.2}", e.min_performance),
        verdict(
            m.performance < e.min_performance,
            m.performance < t.min_performance
        )
    );
    println!("    {:<12} {:>10}", "FCP", ms(m.fcp_ms));
    println!(
        "    {:<12} {:>10}  {:>9}  {:>9}  {}",
        "LCP",
        ms(m.lcp_ms),
        format!("<= {:.0}", t.max_lcp_ms),
        format!("<= {:.0}", e.max_lcp_ms),
        verdict(m.lcp_ms > e.max_lcp_ms, m.lcp_ms > t.max_lcp_ms)
    );
    println!(
        "    {:<12} {:>10}  {:>9}  {:>9}  {}",
        "TBT",
        ms(m.tbt_ms),
        format!("<= {:.0}", t.max_tbt_ms),
        format!("<= {:.0}", e.max_tbt_ms),
        verdict(m.tbt_ms > e.max_tbt_ms, m.tbt_ms > t.max_tbt_ms)
    );
    println!("    {:<12} {:>10.3}", "CLS", m.cls);
    println!(
        "    {:<12} {:>10}",
        "CPU",
        format!("{}x (host {:.0})", m.cpu_multiplier, m.benchmark_index)
    );
    println!("    {:<12} {:>10}", "transfer", kb(m.transfer_bytes));
    println!(
        "    {:<12} {:>10}{}",
        "requests",
        m.requests,
        worker_note(m.worker_requests)
    );
}

fn print_summary(results: &[(&PageBudget, Measured)]) {
    println!("  Lighthouse mobile, every page (the run kept):");
    println!(
        "    {:<12} {:>5} {:>8} {:>8} {:>8} {:>6} {:>10} {:>5} {:>5}  verdict",
        "page", "perf", "FCP", "LCP", "TBT", "CLS", "transfer", "req", "CPU"
    );
    for (page, m) in results {
        let verdict = if !misses(m, &page.enforced).is_empty() {
            "FAIL"
        } else if !misses(m, &page.target).is_empty() {
            "ok, misses target"
        } else {
            "ok"
        };
        println!(
            "    {:<12} {:>5.2} {:>8} {:>8} {:>8} {:>6.3} {:>10} {:>5} {:>5}  {verdict}",
            page.path,
            m.performance,
            ms(m.fcp_ms),
            ms(m.lcp_ms),
            ms(m.tbt_ms),
            m.cls,
            kb(m.transfer_bytes),
            m.requests,
            format!("{}x", m.cpu_multiplier)
        );
    }
}

fn worker_note(worker_requests: usize) -> String {
    if worker_requests == 0 {
        String::new()
    } else {
        format!("  ({worker_requests} by the service worker)")
    }
}

fn ms(value: f64) -> String {
    format!("{value:.0} ms")
}

fn kb(bytes: f64) -> String {
    format!("{:.1} KB", bytes / 1000.0)
}

/// `/` → `home`, `/practice/session` → `practice-session`: report names.
fn file_stem(path: &str) -> String {
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "home".to_owned()
    } else {
        trimmed.replace('/', "-")
    }
}

/// Reads the Lighthouse part of `budgets.json`.
pub fn load_budgets(path: &Path) -> Result<Vec<PageBudget>, String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse_budgets(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn parse_budgets(text: &str) -> Result<Vec<PageBudget>, String> {
    let root: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let pages = root
        .get("pages")
        .and_then(Value::as_array)
        .ok_or("\"pages\" must be a list of paths")?;
    let mut paths = Vec::new();
    for page in pages {
        let path = page
            .as_str()
            .filter(|p| p.starts_with('/'))
            .ok_or_else(|| format!("\"pages\" has {page}, not a path starting with /"))?;
        paths.push(path.to_owned());
    }
    if paths.is_empty() {
        return Err("\"pages\" is empty".into());
    }
    let set = |name: &str| -> Result<&serde_json::Map<String, Value>, String> {
        let map = root
            .pointer(&format!("/lighthouse/{name}"))
            .and_then(Value::as_object)
            .ok_or_else(|| format!("lighthouse.{name} must be an object keyed by page"))?;
        // A misspelt page would otherwise be silently unchecked.
        if let Some(extra) = map
            .keys()
            .find(|k| !k.starts_with('$') && !paths.contains(k))
        {
            return Err(format!(
                "lighthouse.{name} has \"{extra}\", which is not in \"pages\""
            ));
        }
        Ok(map)
    };
    let (target, enforced) = (set("target")?, set("enforced")?);
    paths
        .into_iter()
        .map(|path| {
            Ok(PageBudget {
                target: thresholds(target, &path, "target")?,
                enforced: thresholds(enforced, &path, "enforced")?,
                path,
            })
        })
        .collect()
}

fn thresholds(
    set: &serde_json::Map<String, Value>,
    path: &str,
    name: &str,
) -> Result<Thresholds, String> {
    let page = set
        .get(path)
        .ok_or_else(|| format!("lighthouse.{name} has no entry for \"{path}\""))?;
    let number = |key: &str| -> Result<f64, String> {
        page.get(key)
            .and_then(Value::as_f64)
            .ok_or_else(|| format!("lighthouse.{name}.\"{path}\".{key} must be a number"))
    };
    let min_performance = number("min_performance")?;
    if !(0.0..=1.0).contains(&min_performance) {
        return Err(format!(
            "lighthouse.{name}.\"{path}\".min_performance is {min_performance}; scores run from 0 to 1"
        ));
    }
    Ok(Thresholds {
        min_performance,
        max_lcp_ms: number("max_lcp_ms")?,
        max_tbt_ms: number("max_tbt_ms")?,
    })
}

/// sirv serving a build on a free port, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(dir: &Path) -> Result<Self, String> {
        // Ask the OS for a free port; the tiny gap before sirv binds it is
        // acceptable on a CI machine.
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("cannot find a free port: {e}"))?
            .port();
        let sirv = project::node_bin().join("sirv");
        let dir_str = dir.to_string_lossy();
        let port_str = port.to_string();
        let mut command = cmd::command(
            &sirv.to_string_lossy(),
            &[
                &dir_str,
                "--single",
                "--port",
                &port_str,
                "--host",
                "127.0.0.1",
                "--quiet",
            ],
        );
        command.stdin(Stdio::null());
        let child = command
            .spawn()
            .map_err(|e| format!("could not start {}: {e}", sirv.display()))?;
        let mut server = Server { child, port };
        let address = SocketAddr::from(([127, 0, 0, 1], port));
        let started = Instant::now();
        loop {
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(format!(
                    "sirv stopped at once ({status}) serving {}",
                    dir.display()
                ));
            }
            if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
                return Ok(server);
            }
            if started.elapsed() > Duration::from_secs(30) {
                return Err(format!("sirv did not start on port {port} within 30 s"));
            }
            sleep(Duration::from_millis(100));
        }
    }

    fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(score: &str, runtime_error: &str) -> String {
        format!(
            r#"{{
              {runtime_error}
              "categories": {{ "performance": {{ "score": {score} }} }},
              "audits": {{
                "first-contentful-paint": {{ "numericValue": 900.4 }},
                "largest-contentful-paint": {{ "numericValue": 1400.0 }},
                "total-blocking-time": {{ "numericValue": 120.0 }},
                "cumulative-layout-shift": {{ "numericValue": 0.01 }},
                "total-byte-weight": {{ "numericValue": 180000 }},
                "network-requests": {{ "details": {{ "items": [
                  {{ "url": "a", "sessionTargetType": "page" }},
                  {{ "url": "b", "sessionTargetType": "page" }},
                  {{ "url": "c", "sessionTargetType": "worker" }}
                ] }} }}
              }}
            }}"#
        )
    }

    fn thresholds() -> Thresholds {
        Thresholds {
            min_performance: 0.95,
            max_lcp_ms: 1500.0,
            max_tbt_ms: 150.0,
        }
    }

    #[test]
    fn reads_the_figures_from_a_report() {
        let m = parse_report(&report("0.97", "")).unwrap();
        assert_eq!(m.performance, 0.97);
        assert_eq!(m.lcp_ms, 1400.0);
        assert_eq!(m.tbt_ms, 120.0);
        assert_eq!(m.transfer_bytes, 180000.0);
        assert_eq!(m.requests, 3);
        assert_eq!(m.worker_requests, 1);
        assert!(misses(&m, &thresholds()).is_empty());
    }

    #[test]
    fn a_report_with_a_runtime_error_says_so() {
        let error = parse_report(&report(
            "null",
            r#""runtimeError": { "code": "NO_FCP", "message": "The page did not paint" },"#,
        ))
        .unwrap_err();
        assert!(error.contains("NO_FCP"), "{error}");
        assert!(parse_report(&report("null", "")).is_err());
    }

    #[test]
    fn names_each_missed_threshold() {
        let mut m = parse_report(&report("0.90", "")).unwrap();
        m.tbt_ms = 151.0;
        assert_eq!(
            misses(&m, &thresholds()),
            vec!["performance 0.90 < 0.95", "TBT 151 ms > 150 ms"]
        );
        let fine = parse_report(&report("0.99", "")).unwrap();
        assert!(better(&fine, &m, &thresholds()));
        assert!(!better(&m, &fine, &thresholds()));
    }

    #[test]
    fn the_repository_budgets_cover_every_page() {
        let budgets = load_budgets(&project::root().join(BUDGETS_FILE)).unwrap();
        let paths: Vec<&str> = budgets.iter().map(|b| b.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/",
                "/practice",
                "/scenarios",
                "/interview",
                "/progress",
                "/author"
            ]
        );
        for budget in &budgets {
            // Enforced may be looser than the target while the app gets
            // there, never stricter: a stricter one is a typo.
            assert!(budget.enforced.min_performance <= budget.target.min_performance);
            assert!(budget.enforced.max_lcp_ms >= budget.target.max_lcp_ms);
            assert!(budget.enforced.max_tbt_ms >= budget.target.max_tbt_ms);
        }
    }

    #[test]
    fn a_misspelt_or_missing_page_is_an_error() {
        let base = |target_page: &str| {
            format!(
                r#"{{ "pages": ["/", "/practice"], "lighthouse": {{
                  "target": {{ "/": {{ "min_performance": 0.9, "max_lcp_ms": 1, "max_tbt_ms": 1 }},
                               "{target_page}": {{ "min_performance": 0.9, "max_lcp_ms": 1, "max_tbt_ms": 1 }} }},
                  "enforced": {{ "/": {{ "min_performance": 0.9, "max_lcp_ms": 1, "max_tbt_ms": 1 }},
                                 "/practice": {{ "min_performance": 0.9, "max_lcp_ms": 1, "max_tbt_ms": 1 }} }} }} }}"#
            )
        };
        assert_eq!(parse_budgets(&base("/practice")).unwrap().len(), 2);
        let error = parse_budgets(&base("/practise")).unwrap_err();
        assert!(error.contains("/practise"), "{error}");
        let not_a_number =
            base("/practice").replacen("\"max_tbt_ms\": 1", "\"max_tbt_ms\": \"fast\"", 1);
        let error = parse_budgets(&not_a_number).unwrap_err();
        assert!(
            error.contains("lighthouse.target.\"/\".max_tbt_ms"),
            "{error}"
        );
    }

    #[test]
    fn report_names_are_file_safe() {
        assert_eq!(file_stem("/"), "home");
        assert_eq!(file_stem("/practice"), "practice");
        assert_eq!(file_stem("/practice/session"), "practice-session");
    }
}
