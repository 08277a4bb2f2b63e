// Lists what Hexo publishes from the site in the folder given: one line per post and page,
// `source<TAB>url`, where the URL is what `url_for` makes of the path (the site's root
// before it, pretty_urls applied), the address a link to the page uses. Posts Hexo does
// not list (drafts, `published: false`) are left out. Run with the site's own Hexo:
// `node hexo.js SITE`, after `npm install` in SITE.
const path = require('path');
const dir = path.resolve(process.argv[2] || '.');
const Hexo = require(path.join(dir, 'node_modules', 'hexo'));
(async () => {
  const hexo = new Hexo(dir, { silent: true });
  await hexo.init();
  await hexo.load();
  const urlFor = hexo.extend.helper.get('url_for').bind(hexo);
  const rows = [];
  for (const kind of ['posts', 'pages']) {
    hexo.locals.get(kind).forEach((page) => {
      rows.push(`${hexo.config.source_dir}/${page.source}\t${decodeURI(urlFor(page.path))}`);
    });
  }
  console.log(rows.sort().join('\n'));
  await hexo.exit();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
