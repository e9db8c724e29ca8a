/**
 * `npm start`: serves the demo, which loads the built bundle from dist/. The
 * address wds prints is the server's root; it leads to the demo, whose pages
 * link to each other and to dist/ by relative URLs from demo/.
 */
export default {
  port: Number(process.env.PORT) || 8000,
  open: false,
  rootDir: '.',
  middleware: [
    (context, next) => {
      if (context.path !== '/') return next();
      context.redirect('/demo/');
      return undefined;
    },
  ],
};
