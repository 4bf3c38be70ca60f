//! User Timing measures around the work that must stay fast (gathering a
//! room's result codes and working out the team view), so that
//! `cargo xtask bench` and the browser's own performance panel read the same
//! figures. Recording a measure costs a few microseconds and sends nothing
//! anywhere.

/// Runs `work` and records how long it took as the performance measure
/// `name` (between the marks `name:start` and `name:end`, which are then
/// cleared). Without a `performance` object the work simply runs.
#[cfg(target_arch = "wasm32")]
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return work();
    };
    let start = format!("{name}:start");
    let end = format!("{name}:end");
    let _ = performance.mark(&start);
    let result = work();
    let _ = performance.mark(&end);
    let _ = performance.measure_with_start_mark_and_end_mark(name, &start, &end);
    performance.clear_marks_with_mark_name(&start);
    performance.clear_marks_with_mark_name(&end);
    result
}

/// Native builds (the tests) have no browser to record in.
#[cfg(not(target_arch = "wasm32"))]
pub fn measured<T>(_name: &str, work: impl FnOnce() -> T) -> T {
    work()
}
