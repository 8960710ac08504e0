// The report's "Cetak" button; without JavaScript the browser's own print command does the same.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
