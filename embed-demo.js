(() => {
  // Tandem tells this page its height and when an assessment is completed;
  // any other message, and any message from another sender, is ignored.
  const frame = document.getElementById('tandem-frame');
  const tandemOrigin = new URL(frame.src).origin;
  frame.style.width = '100%';
  frame.style.border = '0';
  window.addEventListener('message', (event) => {
    if (event.origin !== tandemOrigin || event.source !== frame.contentWindow) return;
    const message = event.data;
    if (typeof message !== 'object' || message === null) return;
    if (message.source !== 'tandem' || message.version !== 1) return;
    if (message.type === 'height' && Number.isInteger(message.height) && message.height > 0) {
      frame.style.height = `${message.height}px`;
    } else if (message.type === 'completed') {
      // The overall level, for this page to use if it wants: listen for
      // 'tandem-completed' on the frame; event.detail.level is 1 to 5 (null
      // when there were too few answers), event.detail.levelName its name.
      frame.dispatchEvent(new CustomEvent('tandem-completed', { detail: message }));
    }
  });
})();
