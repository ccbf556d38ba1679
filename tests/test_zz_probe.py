import time
def test_probe(site, client):
    t=time.time()
    for name, pages in site.pages.items():
        for code, page in pages.items():
            r = client.get(page.get_url())
            print(name, code, page.get_url(), r.status_code, page.title)
