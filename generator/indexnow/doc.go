// Package indexnow tells search engines which URLs changed (the IndexNow
// protocol, indexnow.org): build keeps the list of changed URLs beside its
// output (Pending), and `playbook ping` posts it in batches of at most
// 10,000 URLs, dropping from the list only what the endpoint accepted.
package indexnow
