/** `npm start`: serves the demo, which loads the built bundle from dist/. */
export default {
  port: Number(process.env.PORT) || 8000,
  open: false,
  rootDir: '.',
  appIndex: 'demo/index.html',
};
