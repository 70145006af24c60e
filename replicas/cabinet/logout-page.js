/* Page script of logout.html (kept out of the HTML so the page also runs as an extension page under a strict CSP). */
window.Cabinet.logout();
window.Cabinet.go('/login/', { replace: true });
