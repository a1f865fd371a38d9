document.getElementById('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const message = document.getElementById('message');
  message.textContent = '';
  const response = await fetch('/api/login', {
    method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({password: document.getElementById('password').value})
  });
  if (response.ok) {
    window.location.href = '/index.html#overview';
  } else {
    const body = await response.json().catch(() => ({error: 'login failed'}));
    message.textContent = body.error;
    document.getElementById('password').value = '';
  }
});
