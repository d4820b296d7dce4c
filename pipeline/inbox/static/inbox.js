// Bình Yên inbox: the one script. Copies a notice in one tap (navigator.clipboard), or, where
// the clipboard is not allowed, selects the text so the person can copy it by hand.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const box = document.getElementById(button.dataset.copy);
  if (!box) return;
  const text = box.value !== undefined ? box.value : box.textContent;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Đã sao chép ✓";
    box.dataset.copied = "clipboard";
  } catch (err) {
    box.focus();
    box.select();
    let copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    button.textContent = copied ? "Đã sao chép ✓" : "Đã chọn sẵn — nhấn giữ để sao chép";
    box.dataset.copied = copied ? "exec" : "selected";
  }
});

// A queue page with data-autorefresh="N" reloads every N seconds so new tips show up, but never
// while the person is typing a note or has a form open.
(function () {
  const seconds = Number(document.body.dataset.autorefresh || 0);
  if (!seconds) return;
  setInterval(() => {
    const busy = document.querySelector("details[open]") ||
      ["INPUT", "TEXTAREA", "SELECT"].includes((document.activeElement || {}).tagName);
    if (!busy) window.location.reload();
  }, seconds * 1000);
})();
