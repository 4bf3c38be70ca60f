//! Entry point of the browser build: mounts the app and nothing else.

fn main() {
    tandem::start();
}
