import 'ceop-stats';
