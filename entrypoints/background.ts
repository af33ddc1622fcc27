export default defineBackground(() => {
  console.log('baton background');
});
