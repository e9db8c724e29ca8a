/**
 * The editor side of the block ceop-stats/chart, without a build step: plain
 * wp.blocks / wp.element calls. Every attribute of the element is a control
 * in the sidebar; the preview is the element itself (the plugin loads its
 * module in the editor), so a bad value shows the widget's own error at once.
 * The attribute list comes from the server (window.ceopStatsAttributeNames,
 * from the element's manifest), never a copy kept here.
 */
(function (wp, names) {
  'use strict';
  var el = wp.element.createElement;
  var __ = wp.i18n.__;
  var InspectorControls = wp.blockEditor.InspectorControls;
  var useBlockProps = wp.blockEditor.useBlockProps;
  var components = wp.components;

  /** The element's attributes from the block's: booleans present or absent, empty text left out. */
  function elementAttributes(attributes) {
    var result = {};
    Object.keys(names).forEach(function (property) {
      var value = attributes[property];
      if (value === true) result[names[property]] = '';
      else if (typeof value === 'string' && value.trim() !== '') result[names[property]] = value;
    });
    return result;
  }

  function control(property, attributes, setAttributes, type) {
    var label = names[property];
    var change = function (value) {
      var next = {};
      next[property] = value;
      setAttributes(next);
    };
    if (type === 'boolean') {
      return el(components.ToggleControl, { key: property, label: label, checked: attributes[property] === true, onChange: change });
    }
    return el(components.TextControl, { key: property, label: label, value: attributes[property] || '', onChange: change });
  }

  wp.blocks.registerBlockType('ceop-stats/chart', {
    edit: function (props) {
      var type = wp.blocks.getBlockType('ceop-stats/chart');
      var controls = Object.keys(names).map(function (property) {
        return control(property, props.attributes, props.setAttributes, type.attributes[property] && type.attributes[property].type);
      });
      return el(
        'div',
        useBlockProps(),
        el(InspectorControls, null, el(components.PanelBody, { title: __('Chart', 'ceop-stats') }, controls)),
        el('ceop-stats', elementAttributes(props.attributes))
      );
    },
    // Dynamic: the server renders it (includes/block.php).
    save: function () {
      return null;
    },
  });
})(window.wp, window.ceopStatsAttributeNames || {});
